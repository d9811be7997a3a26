package cn.fangfei.tip.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.content.Replies;
import cn.fangfei.faq.ResidentQuestions;
import cn.fangfei.tip.Attachment;
import cn.fangfei.tip.FileType;
import cn.fangfei.tip.HistoryEntry;
import cn.fangfei.tip.RedisContents;
import cn.fangfei.tip.TestImages;
import cn.fangfei.tip.TipAppTest;
import cn.fangfei.tip.TipKeys;
import cn.fangfei.tip.TipMessage;
import cn.fangfei.tip.TipRecord;
import cn.fangfei.tip.TipReview;
import cn.fangfei.tip.TipStatus;
import cn.fangfei.tip.TipStore;
import cn.fangfei.tip.TipTexts;
import cn.fangfei.wechat.FakeWechatServer;
import cn.fangfei.wechat.InboundMessages;
import redis.clients.jedis.Jedis;

/** The WeChat conversation end to end: signed, encrypted messages through the real /wechat/portal. */
class TipChatFlowTest extends TipAppTest {
    static final String WHAT = "镇东头的幸福养老公寓推销养老床位,承诺年化8%,已经有几十位老人各交了5万元";
    static final String WHERE = "幸福路18号幸福养老公寓一楼";

    @Autowired
    TipStore store;
    @Autowired
    TipTexts texts;
    @Autowired
    TipReview review;
    @Autowired
    Replies replies;
    @Autowired
    ResidentQuestions questions;

    @Test
    void aResidentReportsStepByStepWithAnImageAndGetsAReceipt() throws Exception {
        String openid = InboundMessages.newOpenid();
        FakeWechatServer.answerFile("/cgi-bin/media/get", "image/jpeg", TestImages.jpegWithExif(40, 20, 1));

        assertThat(say(openid, "举报")).contains("第1步", "1. 养老", "10. 其他", "取消");
        assertThat(say(openid, "1")).isEqualTo(replies.text("tip-ask-what"));
        assertThat(say(openid, WHAT)).isEqualTo(replies.text("tip-ask-where"));
        assertThat(say(openid, WHERE)).isEqualTo(replies.text("tip-ask-evidence", Map.of("max", "5")));
        assertThat(sendImage(openid)).isEqualTo(replies.text("tip-image-received", Map.of("n", "1")));
        assertThat(FakeWechatServer.nextCallTo("/cgi-bin/media/get").getUrl().queryParameter("media_id")).isEqualTo("m");
        await().atMost(Duration.ofSeconds(5)).until(() -> !RedisContents.keys(redis, "ff:tip:*:files").isEmpty());
        assertThat(say(openid, "好了")).isEqualTo(replies.text("tip-ask-contact"));
        assertThat(say(openid, "匿名")).contains("类别:养老", "情况:已填写" + WHAT.length() + "字", "图片:1张", "匿名")
                .doesNotContain(WHAT);
        String submitted = say(openid, "提交");

        assertThat(submitted).startsWith("举报已提交");
        String receipt = RedisContents.receiptIn(submitted);
        List<String> ids = RedisContents.streamTipIds(redis);
        assertThat(ids).hasSize(1);
        TipRecord tip = store.find(ids.get(0)).orElseThrow();
        assertThat(tip.status()).isEqualTo(TipStatus.RECEIVED);
        assertThat(tip.category()).isEqualTo("养老");
        assertThat(texts.open(tip.id(), TipTexts.WHAT, tip.sealedWhat())).isEqualTo(WHAT);
        assertThat(texts.open(tip.id(), TipTexts.WHERE, tip.sealedWhere())).isEqualTo(WHERE);
        assertThat(tip.sealedContact()).isEmpty();
        assertThat(tip.files()).isEqualTo(1);
        Attachment image = texts.openFile(tip.id(), store.file(tip.id(), 0).orElseThrow());
        assertThat(image.type()).isEqualTo(FileType.JPEG);
        assertThat(new String(image.data(), StandardCharsets.ISO_8859_1)).doesNotContain(TestImages.JPEG_SECRET);
        try (Jedis jedis = redis.getResource()) {
            assertThat(jedis.pttl(TipKeys.files(tip.id()))).isEqualTo(-1);
        }
        assertThat(store.history(tip.id())).extracting(HistoryEntry::by, HistoryEntry::action)
                .containsExactly(tuple("举报人", "提交举报(微信)"));
        assertThat(RedisContents.keys(redis, "ff:tip:chat:*")).isEmpty();
        assertThat(receipt).hasSize(16);

        MimeMessage notice = awaitMails(2).get(0);
        assertThat(notice.getAllRecipients()).extracting(Object::toString).containsExactlyInAnyOrder(
                "reviewer1@office.test", "reviewer2@office.test");
        assertThat(notice.getSubject()).contains(tip.id(), "养老");
        assertThat(textOf(notice)).doesNotContain("幸福路");
    }

    @Test
    void cancelWorksAtEveryStepAndLeavesNothing() {
        List<String> steps = List.of("1", WHAT, WHERE, "跳过", "13800000000");
        for (int reached = 0; reached <= steps.size(); reached++) {
            String openid = InboundMessages.newOpenid();
            say(openid, "举报");
            steps.subList(0, reached).forEach(answer -> say(openid, answer));

            assertThat(say(openid, "取消")).isEqualTo(replies.text("tip-cancelled"));
            assertThat(RedisContents.keys(redis, "ff:tip:*")).as("after cancelling at step %d", reached + 1)
                    .allMatch(key -> key.startsWith("ff:tip:rl:"));
        }
        assertThat(RedisContents.streamTipIds(redis)).isEmpty();
    }

    @Test
    void aResidentWhoComesBackContinuesWhereTheyWere() {
        String openid = InboundMessages.newOpenid();
        say(openid, "举报");
        say(openid, "2");

        assertThat(say(openid, "举报!")).isEqualTo(replies.text("tip-continue") + "\n" + replies.text("tip-ask-what"));
        try (Jedis jedis = redis.getResource()) {
            String state = RedisContents.keys(redis, "ff:tip:chat:*").get(0);
            // Ends on the first whole minute after the TTL (see CoarseExpiry).
            assertThat(jedis.pttl(state)).isBetween(TipKeys.CHAT_TTL.minusSeconds(5).toMillis(),
                    TipKeys.CHAT_TTL.plusMinutes(1).toMillis());
        }
        assertThat(say(openid, WHAT)).isEqualTo(replies.text("tip-ask-where"));
    }

    @Test
    void theMenuButtonsStartAReportAndExplainTheStatusQuery() {
        String openid = InboundMessages.newOpenid();

        assertThat(click(openid, "tip:start")).startsWith(replies.text("tip-start", Map.of("categories", "")).strip().substring(0, 10));
        assertThat(click(openid, "tip:status")).isEqualTo(replies.text("tip-query-how"));
    }

    @Test
    void badAnswersGetAClearMessageAndTheStepStays() {
        String openid = InboundMessages.newOpenid();
        say(openid, "举报");

        assertThat(say(openid, "股票")).startsWith("请回复1到10之间的数字").contains("1. 养老");
        say(openid, "1");
        assertThat(say(openid, "   ")).isEqualTo(replies.text("tip-text-empty"));
        assertThat(say(openid, "很".repeat(5001))).isEqualTo(replies.text("tip-text-too-long", Map.of("max", "5000")));
        assertThat(say(openid, WHAT)).isEqualTo(replies.text("tip-ask-where"));
        assertThat(sendImage(openid)).startsWith(replies.text("tip-image-not-now"));
        assertThat(RedisContents.keys(redis, "ff:tip:*:files")).isEmpty();
    }

    @Test
    void aSpokenAnswerCountsLikeATypedOne() {
        String openid = InboundMessages.newOpenid();
        say(openid, "举报");

        String reply = wechat().postSafe(InboundMessages.voice(openid, "1。", InboundMessages.newMsgId())).fields().get("Content");

        assertThat(reply).isEqualTo(replies.text("tip-ask-what"));
    }

    @Test
    void questionsOutsideAReportStillGoToTheFaq() {
        String openid = InboundMessages.newOpenid();

        assertThat(say(openid, "以房养老是骗局吗")).isEqualTo(questions.reply(openid, "以房养老是骗局吗"));
        assertThat(say(openid, "取消")).isEqualTo(questions.reply(openid, "取消"));
    }

    @Test
    void withTheReceiptAResidentSeesTheStatusAndAnswersTheOfficesQuestion() {
        String openid = InboundMessages.newOpenid();
        String receipt = report(openid);
        String id = RedisContents.streamTipIds(redis).get(0);
        review.claimNext("reviewer1");
        review.message(id, "请问宣传单上写的公司全称是什么?", true, "reviewer1");

        String status = say(openid, "查询 " + receipt.substring(0, 4) + " " + receipt.substring(4));

        assertThat(status).contains("类别:养老", "当前状态:需补充材料", "(提问):请问宣传单上写的公司全称是什么?",
                replies.text("tip-followup-prompt"));
        assertThat(say(openid, "公司叫幸福康养服务有限公司")).isEqualTo(replies.text("tip-followup-added"));
        assertThat(say(openid, "完成")).isEqualTo(replies.text("tip-followup-done"));

        TipRecord tip = store.find(id).orElseThrow();
        assertThat(tip.status()).isEqualTo(TipStatus.CHECKING);
        assertThat(tip.unread()).isTrue();
        List<TipMessage> messages = store.messages(id);
        assertThat(messages).extracting(TipMessage::from).containsExactly(TipMessage.OFFICE, TipMessage.TIPSTER);
        assertThat(texts.open(id, TipTexts.MESSAGE, messages.get(1).text())).isEqualTo("公司叫幸福康养服务有限公司");
        assertThat(RedisContents.keys(redis, "ff:tip:chat:*")).isEmpty();
    }

    /** A chat answer stays short; long or many messages point to the web page, which shows them all. */
    @Test
    void aLongThreadIsShortenedInTheChat() {
        String openid = InboundMessages.newOpenid();
        String receipt = report(openid);
        String id = RedisContents.streamTipIds(redis).get(0);
        review.claimNext("reviewer1");
        for (int i = 1; i <= 4; i++) {
            review.message(id, "第" + i + "条留言:" + "核查进展说明".repeat(30), false, "reviewer1");
        }

        String status = say(openid, "查询 " + receipt);

        assertThat(status).doesNotContain("第1条留言").contains("第4条留言", "……", "/tip/status");
        assertThat(status.length()).isLessThan(600);
    }

    /** While following up, an image goes to the submitted tip, and 取消 ends the follow-up as 完成 does. */
    @Test
    void aFollowUpTakesAnImageForTheTipAndEndsWithCancel() {
        String openid = InboundMessages.newOpenid();
        String receipt = report(openid);
        String id = RedisContents.streamTipIds(redis).get(0);
        FakeWechatServer.answerFile("/cgi-bin/media/get", "image/jpeg", TestImages.jpegWithExif(40, 20, 1));
        say(openid, "查询 " + receipt);

        assertThat(sendImage(openid)).isEqualTo(replies.text("tip-followup-added"));
        await().atMost(Duration.ofSeconds(5)).until(() -> store.find(id).orElseThrow().files() == 1);
        assertThat(store.history(id)).extracting(HistoryEntry::action).contains("举报人补充情况(附1个文件)");
        assertThat(say(openid, "取消")).isEqualTo(replies.text("tip-followup-done"));
        assertThat(RedisContents.keys(redis, "ff:tip:chat:*")).isEmpty();
    }

    @Test
    void aClosedTipShowsItsVerdictAndTakesNoMore() {
        String openid = InboundMessages.newOpenid();
        String receipt = report(openid);
        String id = RedisContents.streamTipIds(redis).get(0);
        review.claimNext("reviewer1");
        review.setStatus(id, TipStatus.TO_POLICE, "", "reviewer1");

        String status = say(openid, "查询" + receipt);

        assertThat(status).contains("当前状态:已移交公安", replies.text("tip-status-closed"));
        assertThat(RedisContents.keys(redis, "ff:tip:chat:*")).isEmpty();
    }

    /** Submits a tip through the chat and returns its receipt. */
    /** Issue 9: saying one wants to report starts the tip-off like the menu; a question about reporting stays a question. */
    @Test
    void sayingOneWantsToReportStartsTheTipOffAndQuestionsAboutReportingGetTheFaq() {
        String start = replies.text("tip-start", Map.of("categories", "1. 养老")).substring(0, 10);
        for (String words : List.of("我想举报", "要举报!", "我要反映线索。", "想反映个情况")) {
            String openid = InboundMessages.newOpenid();
            assertThat(say(openid, words)).as(words).startsWith(start).contains("1. 养老", "10. 其他");
            assertThat(say(openid, "取消")).isEqualTo(replies.text("tip-cancelled"));
        }
        String speaker = InboundMessages.newOpenid();
        String spoken = wechat().postSafe(InboundMessages.voice(speaker, "我想举报。", InboundMessages.newMsgId()))
                .fields().get("Content");
        assertThat(spoken).startsWith(start).contains("1. 养老");
        assertThat(say(speaker, "取消")).isEqualTo(replies.text("tip-cancelled"));

        for (String question : List.of("怎么举报", "举报有奖励吗")) {
            String openid = InboundMessages.newOpenid();
            assertThat(say(openid, question)).as(question).isEqualTo(questions.reply(openid, question))
                    .doesNotContain("10. 其他");
        }
    }

    String report(String openid) {
        say(openid, "举报");
        say(openid, "1");
        say(openid, WHAT);
        say(openid, WHERE);
        say(openid, "跳过");
        say(openid, "匿名");
        return RedisContents.receiptIn(say(openid, "提交"));
    }

    String say(String openid, String text) {
        return wechat().postSafe(InboundMessages.text(openid, text, InboundMessages.newMsgId())).fields().get("Content");
    }

    String sendImage(String openid) {
        return wechat().postSafe(InboundMessages.media(openid, "image", InboundMessages.newMsgId())).fields().get("Content");
    }

    String click(String openid, String key) {
        return wechat().postSafe(InboundMessages.event(openid, InboundMessages.now(), "CLICK", key)).fields().get("Content");
    }
}
