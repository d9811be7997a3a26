package cn.fangfei.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import cn.fangfei.config.RunMode;
import cn.fangfei.redis.RedisProperties;

class KeyRingTest {
    private static final RunMode SIMULATOR = new RunMode(true);
    private static final RunMode REAL_ACCOUNT = new RunMode(false);
    private static final MockEnvironment NO_SETTINGS = new MockEnvironment();

    @TempDir
    Path dir;

    @Test
    void badKeysStopTheAppWithTheSettingNamed() {
        assertThatThrownBy(() -> KeyRing.of("not base64!", "k1", ""))
                .hasMessageContaining("FANGFEI_DATA_KEY").hasMessageContaining("base64");
        assertThatThrownBy(() -> KeyRing.of("c2hvcnQ=", "k1", ""))
                .hasMessageContaining("FANGFEI_DATA_KEY must be 32 bytes");
        assertThatThrownBy(() -> KeyRing.of(SealerTest.KEY_1, "k 1", ""))
                .hasMessageContaining("FANGFEI_DATA_KEY_ID");
        assertThatThrownBy(() -> KeyRing.of(SealerTest.KEY_1, "k1", "k1:" + SealerTest.KEY_2))
                .hasMessageContaining("k1 is used twice");
        assertThatThrownBy(() -> KeyRing.of(SealerTest.KEY_1, "k1", "k0"))
                .hasMessageContaining("FANGFEI_DATA_OLD_KEYS");
    }

    @Test
    void keyedHashesDependOnPurposeAndKeyAndFindValuesStoredBeforeARotation() {
        KeyedHash before = new KeyedHash(KeyRing.of(SealerTest.KEY_1, "k1", ""));
        KeyedHash after = new KeyedHash(KeyRing.of(SealerTest.KEY_2, "k2", "k1:" + SealerTest.KEY_1));

        assertThat(before.hex("receipt", "1234567812345678")).hasSize(64)
                .isEqualTo(before.hex("receipt", "1234567812345678"))
                .isNotEqualTo(before.hex("rate", "1234567812345678"))
                .isNotEqualTo(after.hex("receipt", "1234567812345678"));
        assertThat(after.hexUnderEveryKey("receipt", "1234567812345678"))
                .containsExactly(after.hex("receipt", "1234567812345678"), before.hex("receipt", "1234567812345678"));
    }

    @Test
    void aLocalRunWithoutAKeyGeneratesOneOnceAndKeepsIt() throws Exception {
        Path file = dir.resolve("data").resolve("tip-dev.key");
        CryptoProperties crypto = new CryptoProperties("", null, "", file);
        CryptoConfiguration configuration = new CryptoConfiguration();

        KeyRing first = configuration.keyRing(crypto, SIMULATOR, external(), NO_SETTINGS);
        KeyRing second = configuration.keyRing(crypto, SIMULATOR, external(), NO_SETTINGS);

        assertThat(first.currentId()).isEqualTo("dev");
        assertThat(second.current().getEncoded()).isEqualTo(first.current().getEncoded());
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void anEmbeddedRedisCountsAsLocal() {
        CryptoProperties crypto = new CryptoProperties("", null, "", dir.resolve("tip-dev.key"));

        KeyRing ring = new CryptoConfiguration().keyRing(crypto, REAL_ACCOUNT,
                new RedisProperties("", dir.toString(), 1, null, null, null, null, null, 0), NO_SETTINGS);

        assertThat(ring.currentId()).isEqualTo("dev");
    }

    @Test
    void productionWithoutAKeyRefusesToStart() {
        CryptoProperties crypto = new CryptoProperties("", null, "", dir.resolve("tip-dev.key"));

        assertThatThrownBy(() -> new CryptoConfiguration().keyRing(crypto, REAL_ACCOUNT, external(), NO_SETTINGS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FANGFEI_DATA_KEY is not set");
        assertThat(dir.resolve("tip-dev.key")).doesNotExist();
    }

    @Test
    void aConfiguredKeyIsUsedWithItsId() {
        CryptoProperties crypto = new CryptoProperties(SealerTest.KEY_1, "2025a", "", dir.resolve("tip-dev.key"));

        KeyRing ring = new CryptoConfiguration().keyRing(crypto, REAL_ACCOUNT, external(), NO_SETTINGS);

        assertThat(ring.currentId()).isEqualTo("2025a");
        assertThat(dir.resolve("tip-dev.key")).doesNotExist();
    }

    private static RedisProperties external() {
        return new RedisProperties("redis://127.0.0.1:6379", null, 1, null, null, null, null, null, 0);
    }
}
