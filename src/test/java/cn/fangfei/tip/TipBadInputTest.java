package cn.fangfei.tip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.content.Replies;
import cn.fangfei.tip.TipWebClient.Page;
import cn.fangfei.tip.TipWebClient.Upload;
import cn.fangfei.wechat.InboundMessages;

/**
 * Wrong input in both channels: each gets a clear message where it came from, and nothing of the tip
 * is left in Redis (only the rate limiter's counters, which are not tip data).
 */
class TipBadInputTest extends TipAppTest {
    static final String WHAT = "一家理财公司承诺保本保息,年化15%";
    static final String WHERE = "镇政府对面的写字楼三楼";

    @Autowired
    Replies replies;

    @Test
    void theFormExplainsEachProblemAndStoresNothing() {
        TipWebClient browser = new TipWebClient(baseUrl());

        assertRefused(browser.submitTip("养老", "   ", WHERE, ""), 400, replies.text("tip-text-empty"));
        assertRefused(browser.submitTip("养老", WHAT, "", ""), 400, replies.text("tip-text-empty"));
        assertRefused(browser.submitTip("养老", "骗".repeat(5001), WHERE, ""), 400,
                replies.text("tip-text-too-long", Map.of("max", "5000")));
        assertRefused(browser.submitTip("股票", WHAT, WHERE, ""), 400, replies.text("tip-category-missing"));
        assertRefused(browser.submitTip("", WHAT, WHERE, ""), 400, replies.text("tip-category-missing"));
        assertRefused(browser.submitTip("养老", WHAT, WHERE, "电".repeat(201)), 400,
                replies.text("tip-contact-too-long", Map.of("max", "200")));
        assertRefused(browser.submitTip("养老", WHAT, WHERE, "",
                new Upload("photo.jpg", "image/jpeg", "MZ this is a program, not a photo".getBytes())), 400,
                replies.text("tip-file-type"));
        Upload small = new Upload("a.pdf", "application/pdf", TestImages.pdf());
        assertRefused(browser.submitTip("养老", WHAT, WHERE, "", small, small, small, small, small, small), 400,
                replies.text("tip-too-many-files", Map.of("max", "5")));
        byte[] sixMegabytes = new byte[6 * 1024 * 1024];
        System.arraycopy(TestImages.pdf(), 0, sixMegabytes, 0, TestImages.pdf().length);
        assertRefused(browser.submitTip("养老", WHAT, WHERE, "", new Upload("big.pdf", "application/pdf", sixMegabytes)),
                400, replies.text("tip-file-too-large", Map.of("max", "5")));

        assertNothingStored();
    }

    @Test
    void theFormKeepsWhatWasTypedWhenSomethingMustBeFixed() {
        Page refused = new TipWebClient(baseUrl()).submitTip("养老", WHAT, "", "13900000000");

        assertThat(refused.body()).contains(WHAT, "13900000000", "<option value=\"养老\" selected=\"selected\">");
    }

    @Test
    void anUploadAnnouncingMoreThanTheFormAllowsGetsAChinesePageBeforeItIsRead() {
        TipWebClient browser = new TipWebClient(baseUrl());
        Page form = browser.get("/tip");
        byte[] fiveMegabytes = new byte[5 * 1024 * 1024];
        Upload full = new Upload("big.pdf", "application/pdf", fiveMegabytes);

        Page refused = browser.postMultipart("/tip", Map.of("_csrf", form.csrf(), "draft", form.draft(), "category", "养老",
                "what", WHAT, "where", WHERE), List.of(full, full, full, full, full, full));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.body()).contains(replies.text("tip-upload-too-large", Map.of("max", "5", "files", "5")))
                .doesNotContain("Exception");
        assertNothingStored();
    }

    @Test
    void aFormWithAStaleTokenComesBackInChineseWithWhatWasTyped() {
        TipWebClient browser = new TipWebClient(baseUrl());
        Page form = browser.get("/tip");

        Page refused = browser.postMultipart("/tip", Map.of("_csrf", "stale-token", "draft", form.draft(),
                "category", "养老", "what", WHAT, "where", WHERE, "contact", "13900000000"), List.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo(replies.text("tip-form-expired"));
        assertThat(refused.body()).contains(WHAT, WHERE, "13900000000", "<option value=\"养老\" selected=\"selected\">")
                .doesNotContain("Exception", "at org.");
        assertThat(refused.draft()).isEqualTo(form.draft());
        assertNothingStored();

        Page sent = browser.postMultipart("/tip", Map.of("_csrf", refused.csrf(), "draft", refused.draft(),
                "category", "养老", "what", WHAT, "where", WHERE, "contact", ""), List.of());
        assertThat(sent.body()).contains("举报已提交");
    }

    @Test
    void residentPagesSetNoSessionCookie() {
        TipWebClient browser = new TipWebClient(baseUrl());
        for (String path : List.of("/tip", "/tip/status", "/faq/four-features")) {
            assertThat(browser.get(path).status()).isEqualTo(200);
        }
        assertThat(browser.submitTip("养老", WHAT, WHERE, "").body()).contains("举报已提交");
        assertThat(browser.cookieNames()).containsExactly("FANGFEI_CSRF");
    }

    @Test
    void aBurstFromOneAddressIsRateLimited() {
        TipWebClient browser = new TipWebClient(baseUrl());
        for (int i = 0; i < 5; i++) {
            assertThat(browser.submitTip("养老", WHAT + i, WHERE, "").body()).contains("举报已提交");
        }

        Page sixth = browser.submitTip("养老", WHAT, WHERE, "");

        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.error()).isEqualTo(replies.text("tip-rate-limited"));
        assertThat(RedisContents.streamTipIds(redis)).hasSize(5);
    }

    @Test
    void aBurstFromOneWechatUserIsRateLimited() {
        String openid = InboundMessages.newOpenid();
        for (int i = 0; i < 5; i++) {
            assertThat(chatReport(openid)).startsWith("举报已提交");
        }

        assertThat(chatReport(openid)).isEqualTo(replies.text("tip-rate-limited"));
        assertThat(RedisContents.streamTipIds(redis)).hasSize(5);
        assertThat(chatReport(InboundMessages.newOpenid())).startsWith("举报已提交");
    }

    /** Unknown, mistyped and malformed codes are answered identically, in both channels. */
    @Test
    void anUnknownReceiptAndAWrongOneGetTheSameAnswer() {
        TipWebClient browser = new TipWebClient(baseUrl());
        String receipt = RedisContents.receiptIn(browser.submitTip("养老", WHAT, WHERE, "").body());
        String wrong = receipt.substring(0, 15) + (receipt.charAt(15) == '0' ? '1' : '0');

        Page unknown = browser.status("0000111122223333");
        Page mistyped = browser.status(wrong);
        Page malformed = browser.status("12345");

        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.error()).isEqualTo(replies.text("tip-receipt-unknown"));
        assertThat(mistyped.status()).isEqualTo(unknown.status());
        // Each page shows back what was typed, so that a typo can be fixed; apart from that echo, which the
        // asker knows already, nothing may differ.
        String unknownPage = unknown.withoutToken().replace("0000111122223333", "TYPED");
        assertThat(unknown.withoutToken()).contains("0000111122223333");
        assertThat(mistyped.withoutToken().replace(wrong, "TYPED")).isEqualTo(unknownPage);
        assertThat(malformed.withoutToken().replace("12345", "TYPED")).isEqualTo(unknownPage);

        String openid = InboundMessages.newOpenid();
        assertThat(say(openid, "查询 0000111122223333")).isEqualTo(replies.text("tip-receipt-unknown"));
        assertThat(say(openid, "查询 " + wrong)).isEqualTo(replies.text("tip-receipt-unknown"));
        assertThat(say(openid, "查询 12345")).isEqualTo(replies.text("tip-receipt-unknown"));
    }

    /** After five wrong codes even the right one gets the refusal: guessing is slowed, and nothing tells codes apart. */
    @Test
    void wrongCodesAreThrottledPerSender() {
        TipWebClient browser = new TipWebClient(baseUrl());
        String receipt = RedisContents.receiptIn(browser.submitTip("养老", WHAT, WHERE, "").body());
        for (int i = 0; i < 5; i++) {
            browser.status(String.format("%016d", i));
        }

        Page throttled = browser.status(receipt);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.error()).isEqualTo(replies.text("tip-query-throttled"));
        String openid = InboundMessages.newOpenid();
        assertThat(say(openid, "查询 " + receipt)).contains("当前状态:已受理");
    }

    private String chatReport(String openid) {
        say(openid, "举报");
        say(openid, "3");
        say(openid, WHAT);
        say(openid, WHERE);
        say(openid, "跳过");
        say(openid, "匿名");
        return say(openid, "提交");
    }

    private String say(String openid, String text) {
        return wechat().postSafe(InboundMessages.text(openid, text, InboundMessages.newMsgId())).fields().get("Content");
    }

    private void assertRefused(Page page, int status, String message) {
        assertThat(page.status()).isEqualTo(status);
        assertThat(page.error()).isEqualTo(message);
    }

    private void assertNothingStored() {
        assertThat(RedisContents.keys(redis, "ff:tip:*")).allMatch(key -> key.startsWith("ff:tip:rl:"));
        assertThat(RedisContents.streamTipIds(redis)).isEmpty();
    }
}
