package cn.fangfei.tip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.fangfei.support.RedisProcess;

/**
 * A Redis that hangs (process stopped, its socket still accepting) must not hold a resident's tip for
 * long: the form answers with a receipt from the spool within seconds (the rate-limit count and the
 * insert each give up after a second; with the former two-second timeouts it took at least four).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fangfei.tip.spool-replay-interval=1h"})
@ActiveProfiles("test")
class TipFrozenRedisTest {
    static final Path DIR = tempDir();
    static final RedisProcess REDIS = RedisProcess.server().start();

    @LocalServerPort
    int port;
    @Autowired
    TipSpool spool;

    @DynamicPropertySource
    static void ownRedisAndSpool(DynamicPropertyRegistry registry) {
        registry.add("fangfei.redis.url", REDIS::url);
        registry.add("fangfei.tip.data-dir", () -> DIR.resolve("data").toString());
    }

    @AfterAll
    static void stopRedis() {
        REDIS.thaw();
        REDIS.stop();
    }

    @Test
    void aTipSentWhileRedisHangsIsSpooledWithinSeconds() {
        TipWebClient browser = new TipWebClient("http://127.0.0.1:" + port);
        TipWebClient.Page form = browser.get("/tip");
        REDIS.freeze();
        long start = System.nanoTime();
        TipWebClient.Page answer = browser.postMultipart("/tip", Map.of("_csrf", form.csrf(), "draft", form.draft(),
                "category", "其他", "what", "Redis 卡住时的线索", "where", "镇上", "contact", ""), List.of());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(answer.body()).contains("举报已提交");
        assertThat(spool.isEmpty()).isFalse();
        assertThat(took).as("time to the receipt").isLessThan(Duration.ofMillis(3500));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("fangfei-frozen-redis");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
