package cn.fangfei.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.crypto.KeyedHash;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/** A signed callback is good once (plus WeChat's identical retries), and only around the time it was signed. */
class CallbackReplayTest extends WechatAppTest {
    private static final String QUESTION = "什么是非法集资";

    @Autowired
    Pool<Jedis> redisPool;

    @Autowired
    KeyedHash hashes;

    @Test
    void aSignedUrlFromLongAgoIsRefused() {
        String year2001 = Long.toString(1_000_000_000L);
        String query = wechat().signedQuery(year2001, nonce());

        WechatClient.Reply reply = wechat().post(query, InboundMessages.text(InboundMessages.newOpenid(), QUESTION,
                InboundMessages.newMsgId()));

        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void theWindowIsFiveMinutesEitherWay() {
        long now = InboundMessages.now();

        assertThat(postAt(now - 6 * 60).status()).isEqualTo(403);
        assertThat(postAt(now + 6 * 60).status()).isEqualTo(403);
        assertThat(postAt(now - 4 * 60).status()).isEqualTo(200);
        assertThat(postAt(now + 4 * 60).status()).isEqualTo(200);
    }

    @Test
    void aTimestampAndNonceUsedWithAnotherBodyIsAReplay() {
        String query = wechat().signedQuery();
        String victim = InboundMessages.newOpenid();
        String intruder = InboundMessages.newOpenid();

        WechatClient.Reply first = wechat().post(query, InboundMessages.text(victim, QUESTION, InboundMessages.newMsgId()));
        WechatClient.Reply replay = wechat().post(query, InboundMessages.text(intruder, "怎么举报", InboundMessages.newMsgId()));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.fields()).containsEntry("ToUserName", victim);
        assertThat(replay.status()).isEqualTo(403);
    }

    /** WeChat retries by sending the very same request again; it gets the first answer. */
    @Test
    void wechatsOwnRetryOfTheSameRequestGetsTheSameReply() {
        String query = wechat().signedQuery();
        String message = InboundMessages.text(InboundMessages.newOpenid(), QUESTION, InboundMessages.newMsgId());

        WechatClient.Reply first = wechat().post(query, message);
        WechatClient.Reply retry = wechat().post(query, message);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.fields()).containsKey("Content");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
    }

    /** Once the reply cache has forgotten the message, the same request again can only be a replay: it is not answered anew. */
    @Test
    void theSameRequestAfterTheReplyCacheIsGoneIsRefused() {
        String query = wechat().signedQuery();
        long msgId = InboundMessages.newMsgId();
        String message = InboundMessages.text(InboundMessages.newOpenid(), QUESTION, msgId);
        assertThat(wechat().post(query, message).status()).isEqualTo(200);

        try (Jedis jedis = redisPool.getResource()) {
            jedis.del(WechatKeys.dedup(hashes, WxMpXmlMessage.fromXml(message), Optional.of(Long.toString(msgId))));
        }

        assertThat(wechat().post(query, message).status()).isEqualTo(403);
    }

    @Test
    void theNonceRecordHoldsNoTimestampNonceOrBody() {
        String nonce = nonce();
        String timestamp = Long.toString(InboundMessages.now());
        String openid = InboundMessages.newOpenid();
        Set<String> before = callbackKeys();
        long sentAt = System.currentTimeMillis();

        wechat().post(wechat().signedQuery(timestamp, nonce), InboundMessages.text(openid, QUESTION, InboundMessages.newMsgId()));

        Set<String> added = callbackKeys();
        added.removeAll(before);
        assertThat(added).hasSize(1);
        String key = added.iterator().next();
        try (Jedis jedis = redisPool.getResource()) {
            assertThat(key + jedis.get(key)).doesNotContain(nonce).doesNotContain(timestamp).doesNotContain(openid);
            long ttl = jedis.pttl(key);
            long readAt = System.currentTimeMillis();
            // The expiry ends on a whole minute (CoarseExpiry), at least the memory after the request was sent.
            assertThat(readAt + ttl).isGreaterThanOrEqualTo(sentAt + WechatKeys.CALLBACK_MEMORY.toMillis());
        }
    }

    private WechatClient.Reply postAt(long timestamp) {
        return wechat().post(wechat().signedQuery(Long.toString(timestamp), nonce()),
                InboundMessages.text(InboundMessages.newOpenid(), QUESTION, InboundMessages.newMsgId()));
    }

    private Set<String> callbackKeys() {
        try (Jedis jedis = redisPool.getResource()) {
            return jedis.keys("ff:wx:callback:*");
        }
    }

    private static String nonce() {
        return UUID.randomUUID().toString().substring(0, 10);
    }
}
