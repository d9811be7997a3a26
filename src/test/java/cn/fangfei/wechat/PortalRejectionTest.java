package cn.fangfei.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import me.chanjar.weixin.common.util.crypto.SHA1;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

class PortalRejectionTest extends WechatAppTest {
    private static final String XXE = "<?xml version=\"1.0\"?>"
            + "<!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[oAttacker]]></FromUserName>"
            + "<CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>&xxe;</Content>"
            + "<MsgId>1</MsgId></xml>";

    private final List<WechatClient.Reply> errors = new ArrayList<>();

    @Autowired
    Pool<Jedis> redisPool;

    private Set<String> wechatKeys() {
        try (Jedis jedis = redisPool.getResource()) {
            return jedis.keys("ff:wx:*");
        }
    }

    @Test
    void forgedPlainMessageIsForbiddenBeforeTheBodyIsRead() {
        String query = "signature=0000000000000000000000000000000000000000&timestamp=1&nonce=2";

        assertThat(rejected(query, "<xml><not closed")).isEqualTo(403);
        assertThat(rejected(query, XXE)).isEqualTo(403);
        assertThat(rejected(query, "x".repeat(70_000))).isEqualTo(403);
        assertThat(rejected("", "<xml/>")).isEqualTo(403);
    }

    @Test
    void safeModeMessageWithForgedMsgSignatureIsForbidden() {
        String body = "<xml><ToUserName><![CDATA[gh_test]]></ToUserName><Encrypt><![CDATA[bm90IHJlYWxseQ==]]></Encrypt></xml>";
        String query = wechat().signedQuery() + "&encrypt_type=aes&msg_signature=" + SHA1.gen("forged");

        assertThat(rejected(query, body)).isEqualTo(403);
        assertThat(rejected(wechat().signedQuery() + "&encrypt_type=aes", body)).isEqualTo(403);
    }

    /** WeChat's sample refuses it (-40005); WxJava 4.7.9 alone would answer it. */
    @Test
    void aSafeModeMessageEncryptedForAnotherAppIdIsRefusedAndNothingIsStored() {
        WechatClient otherAccount = new WechatClient("http://127.0.0.1:" + port, TOKEN, AES_KEY, "wxotherappid");
        String openid = InboundMessages.newOpenid();
        Set<String> before = wechatKeys();

        WechatClient.Reply reply = otherAccount.postSafeRaw(InboundMessages.text(openid, "什么是非法集资", InboundMessages.newMsgId()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(wechatKeys()).isEqualTo(before);
        assertThat(wechat().postSafe(InboundMessages.text(openid, "什么是非法集资", InboundMessages.newMsgId())).fields())
                .as("our own AppId still works").containsEntry("ToUserName", openid);
    }

    @Test
    void doctypeAndEntitiesAreRefused() {
        assertThat(rejected(wechat().signedQuery(), XXE)).isEqualTo(400);
        assertThat(rejected(wechat().signedQuery(), "<!ENTITY a \"b\"><xml/>")).isEqualTo(400);
        assertThat(rejected(wechat().signedQuery() + "&encrypt_type=aes&msg_signature=x", XXE)).isEqualTo(400);
    }

    @Test
    void bodiesOverSixtyFourKilobytesAreTooLarge() {
        String big = InboundMessages.text(InboundMessages.newOpenid(), "问".repeat(22_000), InboundMessages.newMsgId());
        assertThat(big.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(64 * 1024);

        assertThat(rejected(wechat().signedQuery(), big)).isEqualTo(413);

        WechatClient.Reply chunked = wechat().postChunked(wechat().signedQuery(), big.getBytes(StandardCharsets.UTF_8));
        errors.add(chunked);
        assertThat(chunked.status()).isEqualTo(413);
    }

    @Test
    void bodyOfExactlySixtyFourKilobytesIsRead() {
        String message = InboundMessages.text(InboundMessages.newOpenid(), "问", InboundMessages.newMsgId());
        String padded = message + " ".repeat(64 * 1024 - message.getBytes(StandardCharsets.UTF_8).length);

        assertThat(wechat().postPlain(padded).status()).isEqualTo(200);
    }

    @Test
    void malformedXmlIsABadRequest() {
        assertThat(rejected(wechat().signedQuery(), "<xml><Content>unclosed</xml>")).isEqualTo(400);
        assertThat(rejected(wechat().signedQuery(), "")).isEqualTo(400);
        assertThat(rejected(wechat().signedQuery(), "not xml at all")).isEqualTo(400);
        assertThat(rejected(wechat().signedQuery(), "<other><MsgType>text</MsgType></other>")).isEqualTo(400);
        assertThat(rejected(wechat().signedQuery(), "<xml><Content>no sender</Content></xml>")).isEqualTo(400);
        assertThat(rejected(wechat().signedQuery() + "&encrypt_type=aes&msg_signature=x", "<xml><a>no encrypt</a></xml>"))
                .isEqualTo(400);
        assertThat(rejected(wechat().signedQuery() + "&encrypt_type=rot13", "<xml/>")).isEqualTo(400);
    }

    @Test
    void encryptedGarbageWithAValidSignatureIsABadRequest() {
        String timestamp = Long.toString(InboundMessages.now());
        String nonce = "12345";
        String encrypt = "bm90IHJlYWxseSBlbmNyeXB0ZWQ=";
        String body = "<xml><ToUserName><![CDATA[gh_test]]></ToUserName><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";

        assertThat(rejected(wechat().signedQuery(timestamp, nonce) + "&encrypt_type=aes&msg_signature="
                + SHA1.gen(TOKEN, timestamp, nonce, encrypt), body)).isEqualTo(400);
    }

    @Test
    void invalidUtf8IsABadRequest() {
        byte[] body = {'<', 'x', 'm', 'l', '>', (byte) 0xC3, (byte) 0x28, '<', '/', 'x', 'm', 'l', '>'};
        WechatClient.Reply reply = wechat().postChunked(wechat().signedQuery(), body);
        errors.add(reply);

        assertThat(reply.status()).isEqualTo(400);
    }

    @AfterEach
    void noErrorBodyRevealsInternals() {
        assertThat(errors).allSatisfy(reply -> assertThat(reply.body())
                .doesNotContain("Exception", "exception", "at cn.", "at java.", "at me.", "at org.", "\tat ",
                        "XStream", "root:"));
    }

    private int rejected(String query, String body) {
        WechatClient.Reply reply = wechat().post(query, body);
        errors.add(reply);
        return reply.status();
    }
}
