package cn.fangfei.tip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.wechat.FakeWechatServer;
import cn.fangfei.wechat.InboundMessages;

/**
 * After tips came in both ways, with images, contacts, follow-ups and reviewer notes, a look at every
 * key and every value in Redis finds no openid, no IP address, no receipt code, no file name and none
 * of the words residents or reviewers wrote.
 */
class PrivacyScanTest extends TipAppTest {
    static final String WECHAT_WHAT = "王某在老年活动中心推销养老项目说保本年息百分之十二";
    static final String WECHAT_WHERE = "红星村老年活动中心";
    static final String WECHAT_CONTACT = "手机13912345678";
    static final String WEB_WHAT = "某某财富管理公司在抖音直播间宣传私募产品保本保息";
    static final String WEB_WHERE = "抖音号caifu-test-888";
    static final String WEB_CONTACT = "邮箱resident-secret@example.com";
    static final String FOLLOW_UP = "那个王某的车牌是苏A12345";
    static final String NOTE = "经办人备注:已联系市场监管所协查";

    @Autowired
    TipReview review;

    @Test
    void redisHoldsNoOpenidNoIpAndNoPlainText() {
        String openid = InboundMessages.newOpenid();
        FakeWechatServer.answerFile("/cgi-bin/media/get", "image/jpeg", TestImages.jpegWithExif(20, 20, 1));
        say(openid, "举报");
        say(openid, "1");
        say(openid, WECHAT_WHAT);
        say(openid, WECHAT_WHERE);
        wechat().postSafe(InboundMessages.media(openid, "image", InboundMessages.newMsgId()));
        say(openid, "好了");
        say(openid, WECHAT_CONTACT);
        String wechatReceipt = RedisContents.receiptIn(say(openid, "提交"));

        TipWebClient browser = new TipWebClient(baseUrl());
        String webReceipt = RedisContents.receiptIn(browser.submitTip("理财/财富管理", WEB_WHAT, WEB_WHERE, WEB_CONTACT,
                new TipWebClient.Upload("我的合同-张三.png", "image/png", TestImages.pngWithText(10, 10))).body());
        String webId = RedisContents.streamTipIds(redis).get(1);
        review.claimNext("anna");
        review.claimNext("anna");
        review.setRisk(webId, RiskLevel.HIGH, NOTE, "anna");
        review.message(webId, "请提供直播回放截图", true, "anna");
        say(openid, "查询 " + wechatReceipt);
        say(openid, FOLLOW_UP);
        browser.status(webReceipt);
        browser.status("0000000000000000");

        String everything = RedisContents.dump(redis);

        List<String> secrets = new ArrayList<>(List.of(openid, "127.0.0.1", wechatReceipt, webReceipt,
                spaced(wechatReceipt), spaced(webReceipt), "我的合同", "张三", TestImages.JPEG_SECRET, TestImages.PNG_SECRET,
                "请提供直播回放截图", "市场监管所"));
        for (String text : List.of(WECHAT_WHAT, WECHAT_WHERE, WECHAT_CONTACT, WEB_WHAT, WEB_WHERE, WEB_CONTACT, FOLLOW_UP)) {
            secrets.add(text);
            secrets.add(text.substring(2, 8));
        }
        assertThat(everything).as("the scan sees sealed values and the queue").contains("ff:tip:stream", "ff:wx:dedup:", "test1.")
                .doesNotContain(secrets);
        assertThat(RedisContents.keys(redis, "*")).noneMatch(key -> key.contains(openid));
    }

    private static String spaced(String receipt) {
        return Receipts.display(receipt);
    }

    private String say(String openid, String text) {
        return wechat().postSafe(InboundMessages.text(openid, text, InboundMessages.newMsgId())).fields().get("Content");
    }
}
