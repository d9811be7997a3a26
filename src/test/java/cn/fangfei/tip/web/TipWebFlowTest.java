package cn.fangfei.tip.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.content.Replies;
import cn.fangfei.tip.Attachment;
import cn.fangfei.tip.Channel;
import cn.fangfei.tip.FileType;
import cn.fangfei.tip.RedisContents;
import cn.fangfei.tip.TestImages;
import cn.fangfei.tip.TipAppTest;
import cn.fangfei.tip.TipMessage;
import cn.fangfei.tip.TipRecord;
import cn.fangfei.tip.TipReview;
import cn.fangfei.tip.TipStatus;
import cn.fangfei.tip.TipStore;
import cn.fangfei.tip.TipTexts;
import cn.fangfei.tip.TipWebClient;
import cn.fangfei.tip.TipWebClient.Page;
import cn.fangfei.tip.TipWebClient.Upload;

/** The web form and the status page over real HTTP, attachments included. */
class TipWebFlowTest extends TipAppTest {
    static final String WHAT = "有人在小区门口发鸡蛋,拉老人去听“健康讲座”,会上推销虚拟币矿机,说每月返利10%";
    static final String WHERE = "幸福小区东门,每周三上午";

    @Autowired
    TipStore store;
    @Autowired
    TipTexts texts;
    @Autowired
    TipReview review;
    @Autowired
    Replies replies;

    @Test
    void theFormIsAMobilePageWithTheCategoriesAndNoOutsideResources() {
        Page form = web().get("/tip");

        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"viewport\"", "<option value=\"养老\">养老</option>",
                "<option value=\"其他\">其他</option>", "enctype=\"multipart/form-data\"", "不记录您的IP地址",
                "no-referrer");
        assertThat(form.csrf()).isNotBlank();
        assertThat(form.draft()).matches("\\d{8}-[0-9A-Z]{10}\\.[0-9a-f]{24}");
        assertThat(form.body()).doesNotContain("http://", "https://");
    }

    @Test
    void aTipWithFourKindsOfEvidenceIsStoredSealedAndCleaned() throws Exception {
        Page done = web().submitTip("虚拟货币/区块链", WHAT, WHERE, "微信号 zhang-test",
                new Upload("宣传单.jpg", "image/jpeg", TestImages.jpegWithExif(60, 40, 1)),
                new Upload("合同.png", "image/png", TestImages.pngWithText(30, 30)),
                new Upload("截图.webp", "image/webp", TestImages.webpWithExif()),
                new Upload("转账记录.pdf", "application/pdf", TestImages.pdf()));

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("举报已提交", "只显示这一次");
        String receipt = RedisContents.receiptIn(done.body());
        List<String> ids = RedisContents.streamTipIds(redis);
        assertThat(ids).hasSize(1);
        TipRecord tip = store.find(ids.get(0)).orElseThrow();
        assertThat(tip.channel()).isEqualTo(Channel.WEB);
        assertThat(tip.category()).isEqualTo("虚拟货币/区块链");
        assertThat(texts.open(tip.id(), TipTexts.WHAT, tip.sealedWhat())).isEqualTo(WHAT);
        assertThat(texts.open(tip.id(), TipTexts.CONTACT, tip.sealedContact())).isEqualTo("微信号 zhang-test");
        assertThat(tip.files()).isEqualTo(4);
        List<Attachment> files = RedisContents.files(redis, tip.id()).stream().map(f -> texts.openFile(tip.id(), f)).toList();
        assertThat(files).extracting(Attachment::type).containsExactly(FileType.JPEG, FileType.PNG, FileType.WEBP, FileType.PDF);
        for (Attachment file : files) {
            String bytes = new String(file.data(), StandardCharsets.ISO_8859_1);
            assertThat(bytes).doesNotContain(TestImages.JPEG_SECRET, TestImages.TRAILER_SECRET, TestImages.PNG_SECRET,
                    TestImages.WEBP_SECRET);
        }
        assertThat(RedisContents.dump(redis)).doesNotContain("宣传单", "转账记录", receipt);

        List<jakarta.mail.internet.MimeMessage> mails = awaitMails(2);
        assertThat(mails.get(0).getSubject()).contains(tip.id(), "虚拟货币/区块链");
        assertThat(textOf(mails.get(0))).doesNotContain("鸡蛋");
    }

    @Test
    void theSameFormSentTwiceIsStoredOnce() {
        TipWebClient browser = web();
        Page form = browser.get("/tip");
        Map<String, String> fields = Map.of("_csrf", form.csrf(), "draft", form.draft(), "category", "养老",
                "what", WHAT, "where", WHERE, "contact", "");

        Page first = browser.postMultipart("/tip", fields, List.of());
        Page second = browser.postMultipart("/tip", fields, List.of());

        assertThat(first.body()).contains("举报已提交");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.error()).isEqualTo(replies.text("tip-already-submitted"));
        assertThat(RedisContents.streamTipIds(redis)).hasSize(1);
    }

    @Test
    void withTheReceiptTheResidentReadsTheQuestionAndAnswersItWithAFile() {
        TipWebClient browser = web();
        String receipt = RedisContents.receiptIn(browser.submitTip("养老", WHAT, WHERE, "").body());
        String id = RedisContents.streamTipIds(redis).get(0);
        review.claimNext("reviewer1");
        review.message(id, "请问讲座的组织者叫什么名字?<script>alert(1)</script>", true, "reviewer1");

        Page status = browser.status(receipt);

        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body()).contains("需补充材料", "工作人员提问", "请问讲座的组织者叫什么名字?&lt;script&gt;")
                .doesNotContain("<script>alert(1)</script>", "reviewer1");
        Page added = browser.postMultipart("/tip/status/add", Map.of("_csrf", status.csrf(), "receipt", receipt,
                "text", "组织者自称王经理"), List.of(new Upload("名片.jpg", "image/jpeg", TestImages.jpegWithExif(20, 20, 1))));

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body()).contains(replies.text("tip-web-followup-added"), "组织者自称王经理", "附1个文件");
        assertNoChatWording(status.body());
        assertNoChatWording(added.body());
        TipRecord tip = store.find(id).orElseThrow();
        assertThat(tip.status()).isEqualTo(TipStatus.CHECKING);
        assertThat(tip.files()).isEqualTo(1);
        TipMessage answer = store.messages(id).get(1);
        assertThat(answer.from()).isEqualTo(TipMessage.TIPSTER);
        assertThat(answer.files()).containsExactly(0);
    }

    @Test
    void aClosedTipTakesNoAdditions() {
        TipWebClient browser = web();
        String receipt = RedisContents.receiptIn(browser.submitTip("养老", WHAT, WHERE, "").body());
        String id = RedisContents.streamTipIds(redis).get(0);
        review.claimNext("reviewer1");
        review.setStatus(id, TipStatus.DONE, "", "reviewer1");
        Page status = browser.status(receipt);
        assertThat(status.body()).contains("已办结", "这条举报已经办结").doesNotContain("提交补充");

        Page refused = browser.postMultipart("/tip/status/add", Map.of("_csrf", browser.get("/tip/status").csrf(), "receipt", receipt,
                "text", "还有一件事"), List.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error()).isEqualTo(replies.text("tip-web-followup-closed"));
        assertNoChatWording(status.body());
        assertNoChatWording(refused.body());
        assertThat(store.messages(id)).isEmpty();
    }

    @Test
    void aWrongCodeIsShownAgainSoThatATypoCanBeFixed() {
        TipWebClient browser = web();
        String receipt = RedisContents.receiptIn(browser.submitTip("养老", WHAT, WHERE, "").body());
        String typo = receipt.substring(0, receipt.length() - 1) + (receipt.endsWith("0") ? "1" : "0");

        Page wrong = browser.status(typo);

        assertThat(wrong.error()).isEqualTo(replies.text("tip-receipt-unknown"));
        assertThat(wrong.body()).contains("value=\"" + typo + "\"");
        assertNoChatWording(wrong.body());
        assertThat(browser.status(receipt).body()).contains("举报进度");
    }

    @Test
    void noWebPageOrReplyOnOneUsesChatWording() throws Exception {
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/tip"))) {
            for (Path template : templates.toList()) {
                assertNoChatWording(Files.readString(template));
            }
        }
        for (String key : List.of("tip-receipt-unknown", "tip-query-throttled", "tip-web-followup-added",
                "tip-web-followup-closed", "tip-form-expired", "tip-already-submitted", "tip-rate-limited", "tip-busy",
                "tip-upload-busy", "tip-category-missing", "upload-not-here")) {
            assertNoChatWording(replies.text(key));
        }
    }

    /**
     * Words that only make sense in the WeChat chat: 回复“完成”, 发送“举报” and the like. Saying where they work
     * (在公众号发送“查询 回执码”) is fine.
     */
    private static void assertNoChatWording(String page) {
        assertThat(page).doesNotContainPattern("(?<!在公众号)(回复|发送)[“\"]").doesNotContain("回复数字");
    }

    TipWebClient web() {
        return new TipWebClient(baseUrl());
    }
}
