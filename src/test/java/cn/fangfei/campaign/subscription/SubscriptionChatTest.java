package cn.fangfei.campaign.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.content.Replies;
import cn.fangfei.crypto.KeyedHash;
import cn.fangfei.faq.ResidentQuestions;
import cn.fangfei.support.RedisTestSupport;
import cn.fangfei.wechat.InboundMessages;
import cn.fangfei.wechat.WechatAppTest;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/** Residents opt in and out in chat or from the menu, and pick interest tags by number. */
class SubscriptionChatTest extends WechatAppTest {
    @Autowired
    Pool<Jedis> redis;
    @Autowired
    KeyedHash hashes;
    @Autowired
    Subscribers subscribers;
    @Autowired
    Replies replies;
    @Autowired
    ResidentQuestions questions;

    private final String openid = InboundMessages.newOpenid();

    @BeforeEach
    void emptyRedis() {
        RedisTestSupport.flush(redis);
    }

    @Test
    void subscribingOffersTheNumberedTagsAndNumbersPickThem() {
        String offer = say("订阅提醒");

        assertThat(offer).startsWith("已为您订阅防非宣传提醒")
                .contains("1. 老年人\n2. 农村\n3. 学生\n4. 企业\n5. 金融网点", "回复 0 表示不用选");
        assertThat(subscribed()).isTrue();

        assertThat(say("1 3")).isEqualTo(replies.text("campaign-tags-saved", Map.of("tags", "老年人、学生")));
        assertThat(members(SubscriptionKeys.tag("elderly"))).containsExactly(openid);
        assertThat(members(SubscriptionKeys.tag("students"))).containsExactly(openid);
        assertThat(hget(SubscriptionKeys.subscriber(openid), "tags")).isEqualTo("elderly,students");
        assertThat(hget(SubscriptionKeys.WX_DIRTY, openid)).isEqualTo("2");
    }

    @Test
    void subscribingAgainShowsTheCurrentTagsAndAnswersReplaceThem() {
        say("订阅提醒");
        say("1、3");

        assertThat(say("訂閱提醒!")).startsWith("您已经订阅了宣传提醒,现在关心的是:老年人、学生。");
        assertThat(say("二")).isEqualTo(replies.text("campaign-tags-saved", Map.of("tags", "农村")));

        assertThat(members(SubscriptionKeys.tag("elderly"))).isEmpty();
        assertThat(members(SubscriptionKeys.tag("rural"))).containsExactly(openid);
    }

    @Test
    void zeroKeepsTheGeneralRemindersOnlyAndWrongNumbersAskAgain() {
        say("订阅提醒");

        assertThat(say("7")).isEqualTo(replies.text("campaign-tags-invalid"));
        assertThat(say("0")).isEqualTo(replies.text("campaign-tags-none"));
        assertThat(hget(SubscriptionKeys.subscriber(openid), "tags")).isEmpty();
    }

    /** "1" after a FAQ question belongs to the FAQ's "您是不是想问", not to a tag list offered before it. */
    @Test
    void theTagListOnlyAnswersTheVeryNextMessage() {
        say("订阅提醒");
        say("什么是非法集资");

        String reply = say("1");

        assertThat(reply).isNotEqualTo(replies.text("campaign-tags-saved", Map.of("tags", "老年人")));
        assertThat(members(SubscriptionKeys.tag("elderly"))).isEmpty();
        assertThat(exists(subscribers.tagPickKey(openid))).isFalse();
    }

    @Test
    void unsubscribingRemovesEverything() {
        say("订阅提醒");
        say("1 5");

        assertThat(say("退订")).isEqualTo(replies.text("campaign-unsubscribed"));

        assertThat(subscribed()).isFalse();
        assertThat(members(SubscriptionKeys.tag("elderly"))).isEmpty();
        assertThat(members(SubscriptionKeys.tag("bank-branches"))).isEmpty();
        assertThat(exists(SubscriptionKeys.subscriber(openid))).isFalse();
        assertThat(activeSince(openid)).isNull();
        assertThat(say("取消订阅")).isEqualTo(replies.text("campaign-not-subscribed"));
    }

    @Test
    void theMenuButtonsSubscribeAndUnsubscribe() {
        assertThat(click("campaign:subscribe")).startsWith("已为您订阅防非宣传提醒");
        assertThat(subscribed()).isTrue();

        assertThat(click("campaign:unsubscribe")).isEqualTo(replies.text("campaign-unsubscribed"));
        assertThat(subscribed()).isFalse();
    }

    /** Issue 11: the tip-off conversation comes first in the routing table, so its words stay in the tip-off. */
    @Test
    void subscribeWordsInTheMiddleOfATipOffContinueTheTipOff() {
        say("举报");

        String reply = say("订阅提醒");

        assertThat(subscribed()).isFalse();
        assertThat(reply).doesNotStartWith("已为您订阅").contains("1. 养老");
        assertThat(say("取消")).isEqualTo(replies.text("tip-cancelled"));
    }

    @Test
    void unfollowingTheAccountUnsubscribesSilently() {
        say("订阅提醒");
        say("2");

        var reply = wechat().postPlain(InboundMessages.event(openid, InboundMessages.now(), "unsubscribe", null));

        assertThat(reply.body()).isEqualTo("success");
        assertThat(subscribed()).isFalse();
        assertThat(members(SubscriptionKeys.tag("rural"))).isEmpty();
    }

    @Test
    void everyMessageOfASubscriberOpensTheFortyEightHourWindowOthersAreNotRecorded() {
        String stranger = InboundMessages.newOpenid();
        wechat().postPlain(InboundMessages.text(stranger, "什么是非法集资", InboundMessages.newMsgId()));
        say("订阅提醒");
        Double afterSubscribing = activeSince(openid);

        click("faq:how-to-report");

        assertThat(afterSubscribing).isNotNull();
        assertThat(activeSince(openid)).isGreaterThanOrEqualTo(afterSubscribing);
        assertThat(activeSince(stranger)).isNull();
    }

    /** A stored activity time next to a tip's time would tell who sent the tip. */
    @Test
    void theTipOffConversationLeavesNoActivityTime() {
        say("订阅提醒");
        call(j -> j.del(SubscriptionKeys.ACTIVE));

        say("举报");
        say("取消");
        click("tip:start");
        say("取消");
        say("查询 1234 5678 1234 5678");

        assertThat(activeSince(openid)).isNull();
        say("什么是非法集资");
        assertThat(activeSince(openid)).as("other messages still open the window").isNotNull();
    }

    @Test
    void otherTextStillReachesTheFaq() {
        assertThat(say("怎么订阅宣传消息")).isEqualTo(questions.reply(openid, "怎么订阅宣传消息"));
        assertThat(subscribed()).isFalse();
    }

    private String say(String text) {
        return wechat().postPlain(InboundMessages.text(openid, text, InboundMessages.newMsgId())).fields().get("Content");
    }

    private String click(String key) {
        return wechat().postPlain(InboundMessages.event(openid, InboundMessages.now(), "CLICK", key)).fields().get("Content");
    }

    private boolean subscribed() {
        return call(j -> j.sismember(SubscriptionKeys.SUBSCRIBERS, openid));
    }

    private Set<String> members(String key) {
        return call(j -> j.smembers(key));
    }

    private String hget(String key, String field) {
        return call(j -> j.hget(key, field));
    }

    private Double activeSince(String resident) {
        return call(j -> j.zscore(SubscriptionKeys.ACTIVE, hashes.hex(SubscriptionKeys.ACTIVE_PURPOSE, resident)));
    }

    private boolean exists(String key) {
        return call(j -> j.exists(key));
    }

    private <T> T call(Function<Jedis, T> command) {
        try (Jedis jedis = redis.getResource()) {
            return command.apply(jedis);
        }
    }
}
