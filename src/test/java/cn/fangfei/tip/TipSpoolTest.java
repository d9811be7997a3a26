package cn.fangfei.tip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.fangfei.support.RedisProcess;
import cn.fangfei.support.RedisTestSupport;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * Redis stops in the middle of a run of submissions and comes back, or hangs: residents get their
 * receipts throughout, and afterwards every tip is in the stream exactly once. This context has a Redis
 * and a spool directory of its own, so that no other test's context replays its spool, and it is closed
 * after the class, whose Redis is gone then.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fangfei.tip.spool-replay-interval=300ms",
        "fangfei.tip.rate-limit.submissions=1000"})
@ActiveProfiles("test")
class TipSpoolTest {
    static final Path DIR = tempDir();
    static final RedisProcess REDIS = RedisProcess.persistentServer(DIR.resolve("redis")).start();

    @LocalServerPort
    int port;
    @Autowired
    Pool<Jedis> redis;
    @Autowired
    TipSpool spool;
    @Autowired
    TipStore store;
    @Autowired
    TipSubmissions submissions;
    @Autowired
    TipTexts texts;
    @Autowired
    Receipts receipts;
    @Autowired
    TipIds ids;
    @Autowired
    Ledger ledger;
    @Autowired
    TipReview review;
    @Autowired
    Clock clock;

    @DynamicPropertySource
    static void ownRedisAndSpool(DynamicPropertyRegistry registry) {
        registry.add("fangfei.redis.url", REDIS::url);
        registry.add("fangfei.tip.data-dir", () -> DIR.resolve("data").toString());
    }

    @AfterAll
    static void stopRedis() {
        REDIS.stop();
    }

    @BeforeEach
    void emptyRedis() {
        RedisTestSupport.flush(redis);
    }

    @Test
    void tipsSubmittedWhileRedisIsDownAreReplayedExactlyOnce() {
        TipWebClient browser = new TipWebClient("http://127.0.0.1:" + port);
        List<String> receiptCodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            receiptCodes.add(submit(browser, "Redis 在线时的线索 " + i));
        }

        REDIS.stop();
        try {
            for (int i = 0; i < 4; i++) {
                receiptCodes.add(submit(browser, "Redis 停机时的线索 " + i));
            }
            assertThat(spool.isEmpty()).as("the tips wait on disk").isFalse();
        } finally {
            REDIS.start();
        }
        for (int i = 0; i < 2; i++) {
            receiptCodes.add(submit(browser, "Redis 恢复后的线索 " + i));
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> spool.isEmpty() && streamLength() == 10);
        List<String> inStream = RedisContents.streamTipIds(redis);
        assertThat(inStream).hasSize(10).doesNotHaveDuplicates();
        assertThat(new HashSet<>(store.openIds())).isEqualTo(new HashSet<>(inStream));
        for (String code : receiptCodes) {
            TipWebClient.Page status = browser.status(code);
            assertThat(status.body()).as("receipt %s", code).contains("举报进度", "已受理");
        }
        assertThat(ledger.counters(YearMonth.now(clock))).containsEntry("received", 10L);
        // The queue commands work on the embedded Redis (6.2) that local runs use, too.
        assertThat(review.claimNext("anna").map(TipRecord::id)).contains(inStream.get(0));
    }

    /** A write that reached Redis although the app saw it fail, then replayed twice: still one tip. */
    @Test
    void aRecordStoredAndSpooledTwiceIsStoredOnceWithBothReceiptsWorking() throws IOException {
        String id = ids.next();
        String firstCode = receipts.newCode();
        SealedTip tip = sealed(id, firstCode);
        store.insert(tip, false);
        String secondCode = receipts.newCode();
        SealedTip sameTipOtherReceipt = sealed(id, secondCode);
        spool.append(sameTipOtherReceipt);
        spool.append(sameTipOtherReceipt);

        submissions.replaySpool();

        assertThat(RedisContents.streamTipIds(redis)).containsExactly(id);
        assertThat(store.idByReceipt(receipts.lookupHashes(firstCode))).contains(id);
        assertThat(store.idByReceipt(receipts.lookupHashes(secondCode))).contains(id);
        assertThat(spool.isEmpty()).isTrue();
        assertThat(ledger.counters(YearMonth.now(clock))).containsEntry("received", 1L);
    }

    /**
     * A Redis that hangs (process stopped, its socket still accepting) must not hold a resident's tip for
     * long: the form answers with a receipt from the spool within seconds (the rate-limit count and the
     * insert each give up after a second; with the former two-second timeouts it took at least four).
     */
    @Test
    void aTipSentWhileRedisHangsIsSpooledWithinSeconds() {
        TipWebClient browser = new TipWebClient("http://127.0.0.1:" + port);
        TipWebClient.Page form = browser.get("/tip");
        TipWebClient.Page answer;
        Duration took;
        REDIS.freeze();
        try {
            long start = System.nanoTime();
            answer = browser.postMultipart("/tip", Map.of("_csrf", form.csrf(), "draft", form.draft(),
                    "category", "其他", "what", "Redis 卡住时的线索", "where", "镇上", "contact", ""), List.of());
            took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(spool.isEmpty()).as("the tip waits on disk").isFalse();
        } finally {
            REDIS.thaw();
        }

        assertThat(answer.body()).contains("举报已提交");
        assertThat(took).as("time to the receipt").isLessThan(Duration.ofMillis(3500));
        await().atMost(Duration.ofSeconds(15)).until(() -> spool.isEmpty() && streamLength() == 1);
    }

    private SealedTip sealed(String id, String code) {
        return new SealedTip(id, receipts.hash(code), "预付卡", Channel.WEB, clock.millis(), texts.keyId(),
                texts.seal(id, TipTexts.WHAT, "理发店办卡后跑路"), texts.seal(id, TipTexts.WHERE, "镇上"), "", List.of(), false);
    }

    private String submit(TipWebClient browser, String what) {
        TipWebClient.Page page = browser.submitTip("预付卡", what, "镇中心街", "");
        assertThat(page.status()).as("submitting \"%s\"", what).isEqualTo(200);
        return RedisContents.receiptIn(page.body());
    }

    private long streamLength() {
        try (Jedis jedis = redis.getResource()) {
            return jedis.exists(TipKeys.STREAM) ? jedis.xlen(TipKeys.STREAM) : 0;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("fangfei-spool-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
