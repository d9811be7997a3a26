package cn.fangfei.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

import cn.fangfei.config.RunMode;
import cn.fangfei.redis.RedisProperties;

/**
 * The data key's environment variables as application.yml maps them, bound and turned into the key ring the way
 * start-up does it: FANGFEI_DATA_KEY and its companions, and the names from when the key sealed only tips.
 */
@ExtendWith(OutputCaptureExtension.class)
class DataKeyNamesTest {
    private static final RunMode REAL_ACCOUNT = new RunMode(false);
    private static final RedisProperties EXTERNAL_REDIS =
            new RedisProperties("redis://127.0.0.1:6379", null, 1, null, null, null, null, null, 0);

    @Test
    void theDataKeyComesFromFangfeiDataKeyWithNoWarning(CapturedOutput output) throws IOException {
        KeyRing ring = keyRing(Map.of(
                "FANGFEI_DATA_KEY", SealerTest.KEY_1,
                "FANGFEI_DATA_KEY_ID", "d2",
                "FANGFEI_DATA_OLD_KEYS", "d1:" + SealerTest.KEY_2));

        assertThat(ring.currentId()).isEqualTo("d2");
        assertThat(ring.current()).isEqualTo(KeyRing.of(SealerTest.KEY_1, "d2", "").current());
        assertThat(ring.byId("d1")).contains(KeyRing.of(SealerTest.KEY_2, "d1", "").current());
        assertThat(cryptoWarnings(output)).isEmpty();
    }

    @Test
    void theFormerTipKeyNamesStillWorkAndStartUpAsksOnceToRenameThem(CapturedOutput output) throws IOException {
        KeyRing ring = keyRing(Map.of(
                "FANGFEI_TIP_KEY", SealerTest.KEY_1,
                "FANGFEI_TIP_KEY_ID", "t2",
                "FANGFEI_TIP_OLD_KEYS", "t1:" + SealerTest.KEY_2));

        assertThat(ring.currentId()).isEqualTo("t2");
        assertThat(ring.current()).isEqualTo(KeyRing.of(SealerTest.KEY_1, "t2", "").current());
        assertThat(ring.byId("t1")).contains(KeyRing.of(SealerTest.KEY_2, "t1", "").current());
        assertThat(cryptoWarnings(output)).singleElement().asString()
                .contains("FANGFEI_TIP_KEY to FANGFEI_DATA_KEY", "FANGFEI_TIP_KEY_ID to FANGFEI_DATA_KEY_ID",
                        "FANGFEI_TIP_OLD_KEYS to FANGFEI_DATA_OLD_KEYS");
    }

    @Test
    void theNewNameWinsWhenBothAreSetAndTheKeyIdDefaultsToK1() throws IOException {
        KeyRing ring = keyRing(Map.of(
                "FANGFEI_DATA_KEY", SealerTest.KEY_1,
                "FANGFEI_TIP_KEY", SealerTest.KEY_2));

        assertThat(ring.currentId()).isEqualTo("k1");
        assertThat(ring.current()).isEqualTo(KeyRing.of(SealerTest.KEY_1, "k1", "").current());
    }

    /** Other test classes' application contexts may still be logging in the background: only this package's lines count. */
    private static List<String> cryptoWarnings(CapturedOutput output) {
        return output.getAll().lines().filter(line -> line.contains("WARN") && line.contains("cn.fangfei.crypto")).toList();
    }

    /** Only the given variables (none of the machine's) under the real application.yml, as the app binds them. */
    private static KeyRing keyRing(Map<String, String> variables) throws IOException {
        MockEnvironment environment = new MockEnvironment();
        variables.forEach(environment::setProperty);
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        CryptoProperties crypto = Binder.get(environment).bindOrCreate("fangfei.crypto", CryptoProperties.class);
        return new CryptoConfiguration().keyRing(crypto, REAL_ACCOUNT, EXTERNAL_REDIS, environment);
    }
}
