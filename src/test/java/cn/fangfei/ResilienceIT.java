package cn.fangfei;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.fangfei.crypto.KeyRing;
import cn.fangfei.crypto.KeyedHash;
import cn.fangfei.support.AppProcess;
import cn.fangfei.support.RedisProcess;
import cn.fangfei.tip.RedisContents;
import cn.fangfei.tip.TipKeys;
import cn.fangfei.tip.TipWebClient;
import cn.fangfei.wechat.InboundMessages;
import cn.fangfei.wechat.WechatClient;
import cn.fangfei.wechat.WechatKeys;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import redis.clients.jedis.Jedis;

/** The packaged app when its surroundings fail: Redis goes away for a while, the orchestrator stops it mid-request. */
class ResilienceIT {
    private static final String DATA_KEY = "SXRUZXN0S2V5Rm9yRmFuZ2ZlaVJlc2lsaWVuY2UwMDA=";
    private static final String TOKEN = "resilience-token";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFA";
    private static final String APP_ID = "wxresilience";

    @Test
    void redisGoneForTenSecondsGivesFriendlyRepliesSpoolsTipsAndRecoversWithoutARestart(@TempDir Path dir) throws Exception {
        try (RedisProcess redis = RedisProcess.persistentServer(dir.resolve("redis")).start();
             AppProcess app = AppProcess.start("resilience-redis", env(redis, dir))) {
            WechatClient wechat = new WechatClient(app.baseUrl(), TOKEN, AES_KEY, APP_ID);
            TipWebClient web = new TipWebClient(app.baseUrl());
            List<WechatClient.Reply> replies = new ArrayList<>();
            List<String> receipts = new ArrayList<>();
            long start = System.nanoTime();
            boolean stopped = false;
            boolean restarted = false;
            while (elapsed(start).toSeconds() < 16) {
                if (!stopped && elapsed(start).toSeconds() >= 3) {
                    redis.stop();
                    stopped = true;
                }
                if (!restarted && elapsed(start).toSeconds() >= 13) {
                    redis.start();
                    restarted = true;
                }
                replies.add(wechat.postPlain(InboundMessages.text(InboundMessages.newOpenid(), "怎么举报非法集资",
                        InboundMessages.newMsgId())));
                if (replies.size() % 4 == 0) {
                    TipWebClient.Page done = web.submitTip("养老", "有人在小区办讲座,说投养老项目每年返百分之十二,保本", "幸福小区活动室", "");
                    assertThat(done.status()).as(done.body()).isEqualTo(200);
                    receipts.add(RedisContents.receiptIn(done.body()));
                }
                Thread.sleep(250);
            }
            assertThat(replies).hasSizeGreaterThan(40).allSatisfy(reply -> {
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.fields().get("MsgType")).isEqualTo("text");
                assertThat(reply.fields().get("Content")).isNotBlank().doesNotContain("Exception");
            });

            String again = InboundMessages.text(InboundMessages.newOpenid(), "怎么举报非法集资", InboundMessages.newMsgId());
            assertThat(wechat.postPlain(again).body()).isEqualTo(wechat.postPlain(again).body());
            try (Jedis jedis = new Jedis(URI.create(redis.url()))) {
                assertThat(jedis.exists(dedupKey(again))).as("de-duplication is back").isTrue();
            }
            assertThat(app.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

            // Every tip acknowledged with a receipt is in the review stream once, those spooled during the outage included.
            try (Jedis jedis = new Jedis(URI.create(redis.url()))) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (jedis.xlen(TipKeys.STREAM) < receipts.size() && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                }
                assertThat(jedis.xlen(TipKeys.STREAM)).isEqualTo(receipts.size());
            }
            String metrics = app.metrics();
            assertThat(metrics).contains("fangfei_tips_received_total{").contains("outcome=\"spooled\"")
                    .contains("fangfei_tips_pending ");
        }
    }

    @Test
    void aCallbackInFlightFinishesWhenTheAppIsStopped(@TempDir Path dir) throws Exception {
        try (RedisProcess redis = RedisProcess.server().start()) {
            AppProcess app = AppProcess.start("resilience-shutdown", env(redis, dir));
            String message = InboundMessages.text(InboundMessages.newOpenid(), "什么是非法集资", InboundMessages.newMsgId());
            // Another instance is still answering this message: this delivery waits for its reply.
            try (Jedis jedis = new Jedis(URI.create(redis.url()))) {
                jedis.setex(dedupKey(message), 30, "pending");
            }
            WechatClient wechat = new WechatClient(app.baseUrl(), TOKEN, AES_KEY, APP_ID);
            long start = System.nanoTime();
            CompletableFuture<WechatClient.Reply> inFlight = CompletableFuture.supplyAsync(() -> wechat.postPlain(message));
            Thread.sleep(500);
            app.stop();
            WechatClient.Reply reply = inFlight.join();
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("success");
            assertThat(elapsed(start)).as("the request was still running when the stop began")
                    .isGreaterThan(WechatKeys.DEDUP_WAIT.minusMillis(500));
            assertThat(app.isAlive()).isFalse();
        }
    }

    private static Map<String, String> env(RedisProcess redis, Path dir) {
        return Map.of(
                "FANGFEI_REDIS_URL", redis.url(),
                "FANGFEI_DATA_DIR", dir.toString(),
                "FANGFEI_WECHAT_APP_ID", APP_ID,
                "FANGFEI_WECHAT_SECRET", "resilience-secret",
                "FANGFEI_WECHAT_TOKEN", TOKEN,
                "FANGFEI_WECHAT_AES_KEY", AES_KEY,
                "FANGFEI_SIMULATOR", "false",
                // Production mode needs the data key (tip-offs, sealed retry replies).
                "FANGFEI_DATA_KEY", DATA_KEY,
                "FANGFEI_TIP_RATE_LIMIT", "1000");
    }

    /** The reply-cache key the app uses, computed with the app's data key. */
    private static String dedupKey(String message) {
        WxMpXmlMessage parsed = WxMpXmlMessage.fromXml(message);
        KeyedHash hashes = new KeyedHash(KeyRing.of(DATA_KEY, "k1", ""));
        return WechatKeys.dedup(hashes, parsed, Optional.of(Long.toString(parsed.getMsgId())));
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
