package cn.fangfei.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.content.Replies;
import cn.fangfei.crypto.KeyedHash;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

class RetryDeduplicationTest extends WechatAppTest {
    @Autowired
    RetryDeduplicator deduplicator;

    @Autowired
    Replies replies;

    @Autowired
    Pool<Jedis> redisPool;

    @Autowired
    KeyedHash hashes;

    /** The retry comes in a later second, so a recomputed reply would differ in its CreateTime. */
    @Test
    void aRetriedMessageGetsTheIdenticalReply() {
        long msgId = InboundMessages.newMsgId();
        String message = InboundMessages.text(InboundMessages.newOpenid(), "以房养老是骗局吗", msgId);

        WechatClient.Reply first = wechat().postPlain(message);
        nextSecondAfter(first);
        WechatClient.Reply retry = wechat().postPlain(message);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.fields()).containsKey("Content");
        assertThat(retry.body()).isEqualTo(first.body());
        try (Jedis jedis = redisPool.getResource()) {
            assertThat(jedis.pttl(dedupKey(message, msgId))).isBetween(1L, WechatKeys.DEDUP_TTL.multipliedBy(2).toMillis());
        }
    }

    /** MsgIds are unique per sender only: another resident's message with the same id is a message of its own. */
    @Test
    void twoResidentsWithTheSameMsgIdEachGetTheirOwnReply() {
        long msgId = InboundMessages.newMsgId();
        String first = InboundMessages.newOpenid();
        String second = InboundMessages.newOpenid();

        WechatClient.Reply firstReply = wechat().postPlain(InboundMessages.text(first, "以房养老是骗局吗", msgId));
        WechatClient.Reply secondReply = wechat().postPlain(InboundMessages.text(second, "怎么举报", msgId));

        assertThat(firstReply.fields()).containsEntry("ToUserName", first);
        assertThat(secondReply.fields()).containsEntry("ToUserName", second);
        assertThat(secondReply.fields().get("Content")).isNotEqualTo(firstReply.fields().get("Content"));
    }

    /** A MsgId is an unsigned 64-bit number; from 2^63 on it no longer fits a Java long. */
    @Test
    void aMsgIdOfTwoToTheSixtyThreeOrMoreIsAnsweredAndDeduplicated() {
        String openid = InboundMessages.newOpenid();
        String message = InboundMessages.text(openid, "以房养老是骗局吗", 0).replace("<MsgId>0</MsgId>",
                "<MsgId>18446744073709551615</MsgId>");

        WechatClient.Reply first = wechat().postPlain(message);
        nextSecondAfter(first);
        WechatClient.Reply retry = wechat().postPlain(message);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.fields()).containsEntry("ToUserName", openid).containsKey("Content");
        assertThat(retry.body()).isEqualTo(first.body());
        try (Jedis jedis = redisPool.getResource()) {
            assertThat(jedis.exists(dedupKey(message.replace("18446744073709551615", "0"), "18446744073709551615"))).isTrue();
        }
    }

    private String dedupKey(String message, long msgId) {
        return dedupKey(message, Long.toString(msgId));
    }

    private String dedupKey(String message, String msgId) {
        return WechatKeys.dedup(hashes, WxMpXmlMessage.fromXml(message), Optional.of(msgId));
    }

    /** A stored reply names the resident (ToUserName) and may hold a tip-off receipt: it is kept sealed. */
    @Test
    void storedRepliesAreSealedAndNoKeyNamesTheResident() {
        String openid = InboundMessages.newOpenid();
        long msgId = InboundMessages.newMsgId();
        WechatClient.Reply first = wechat().postPlain(InboundMessages.text(openid, "以房养老是骗局吗", msgId));
        String click = InboundMessages.event(openid, InboundMessages.now(), "CLICK", "reply:help");
        wechat().postPlain(click);

        try (Jedis jedis = redisPool.getResource()) {
            String stored = jedis.get(dedupKey(InboundMessages.text(openid, "以房养老是骗局吗", msgId), msgId));
            assertThat(stored).startsWith("reply:test1.").doesNotContain(openid).doesNotContain(first.fields().get("Content"));
            assertThat(jedis.keys("ff:wx:dedup:*")).noneMatch(key -> key.contains(openid));
            assertThat(jedis.get(WechatKeys.dedup(hashes, WxMpXmlMessage.fromXml(click), Optional.empty())))
                    .startsWith("reply:test1.").doesNotContain(openid);
        }
    }

    @Test
    void aRetriedSafeModeMessageGetsTheSameReplyEncryptedAgain() {
        String message = InboundMessages.text(InboundMessages.newOpenid(), "怎么举报", InboundMessages.newMsgId());

        WechatClient.Reply first = wechat().postSafeRaw(message);
        nextSecondAfter(wechat().decrypt(first));
        WechatClient.Reply retry = wechat().postSafeRaw(message);

        assertThat(retry.body()).isNotEqualTo(first.body());
        assertThat(wechat().decrypt(retry).body()).isEqualTo(wechat().decrypt(first).body());
    }

    @Test
    void aRetriedEventIsAnsweredOnce() {
        String openid = InboundMessages.newOpenid();
        long createTime = InboundMessages.now();
        String subscribe = InboundMessages.event(openid, createTime, "subscribe", null);

        WechatClient.Reply first = wechat().postPlain(subscribe);
        nextSecondAfter(first);
        WechatClient.Reply retry = wechat().postPlain(subscribe);

        assertThat(first.fields()).containsEntry("Content", replies.text("welcome"));
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @Test
    void twoMenuClicksInTheSameSecondAreTwoEvents() {
        String openid = InboundMessages.newOpenid();
        long createTime = InboundMessages.now();

        WechatClient.Reply help = wechat().postPlain(InboundMessages.event(openid, createTime, "CLICK", "reply:help"));
        WechatClient.Reply unknown = wechat().postPlain(InboundMessages.event(openid, createTime, "CLICK", "nonsense"));

        assertThat(help.fields()).containsEntry("Content", replies.text("help"));
        assertThat(unknown.fields()).containsEntry("Content", replies.text("unknown-menu"));
    }

    @Test
    void aRetryDuringTheFirstDeliveryWaitsForItsReply() throws Exception {
        String key = "ff:wx:dedup:test-" + UUID.randomUUID();
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);

        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> deduplicator.replyOnce(key, () -> {
            computed.incrementAndGet();
            computing.countDown();
            waitFor(finish);
            return "<xml>first</xml>";
        }));
        assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> retry = CompletableFuture.supplyAsync(() -> deduplicator.replyOnce(key, () -> {
            computed.incrementAndGet();
            return "<xml>second</xml>";
        }));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !retry.isDone());
        finish.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("<xml>first</xml>");
        assertThat(retry.get(10, TimeUnit.SECONDS)).isEqualTo("<xml>first</xml>");
        assertThat(computed).hasValue(1);
    }

    /** WeChat waits 5 seconds for a reply; the retry answers with none before that. */
    @Test
    void aRetryGivesUpWithinWechatsWindowWhenTheFirstIsTooSlow() throws Exception {
        String key = "ff:wx:dedup:test-" + UUID.randomUUID();
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture.runAsync(() -> deduplicator.replyOnce(key, () -> {
            computing.countDown();
            waitFor(finish);
            return "<xml>late</xml>";
        }));
        assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();

        try {
            long start = System.nanoTime();
            String retry = deduplicator.replyOnce(key, () -> "<xml>never</xml>");
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(retry).isEmpty();
            assertThat(waitedMillis).isBetween(3500L, 5000L);
        } finally {
            finish.countDown();
        }
    }

    /** Until the clock is past the second the reply was made in: a reply made now would differ in its CreateTime. */
    private static void nextSecondAfter(WechatClient.Reply reply) {
        long made = Long.parseLong(reply.fields().get("CreateTime"));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> Instant.now().getEpochSecond() > made);
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
