package cn.fangfei.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import me.chanjar.weixin.common.util.crypto.SHA1;

class PortalVerificationTest extends WechatAppTest {
    /** WeChat's published example: token AAAAA. */
    private static final String TIMESTAMP = "1714037059";
    private static final String NONCE = "486452656";
    private static final String SIGNATURE = "899cf89e464efb63f54ddac96b0a0a235f53aa78";

    @Test
    void signatureMatchesWechatsPublishedExample() {
        assertThat(SHA1.gen(TOKEN, TIMESTAMP, NONCE)).isEqualTo(SIGNATURE);
    }

    @Test
    void echoesEchostrForWechatsOwnSignature() {
        WechatClient.Reply reply = wechat().get(
                "signature=" + SIGNATURE + "&timestamp=" + TIMESTAMP + "&nonce=" + NONCE + "&echostr=5838479218127813673");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("5838479218127813673");
    }

    @Test
    void wrongSignatureIsForbidden() {
        WechatClient.Reply reply = wechat().get(
                "signature=" + SIGNATURE.replace('8', '9') + "&timestamp=" + TIMESTAMP + "&nonce=" + NONCE + "&echostr=abc");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).doesNotContain("abc");
    }

    @Test
    void missingParametersAreForbidden() {
        assertThat(wechat().get("echostr=abc").status()).isEqualTo(403);
        assertThat(wechat().get("signature=" + SIGNATURE + "&timestamp=" + TIMESTAMP + "&nonce=" + NONCE).status())
                .isEqualTo(403);
    }
}
