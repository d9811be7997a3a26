package cn.fangfei.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.wechat.AsyncReplies;
import me.chanjar.weixin.mp.api.WxMpService;

class FakeWechatApiTest extends SimulatorAppTest {
    @Autowired
    AsyncReplies asyncReplies;

    @Autowired
    WxMpService wxMpService;

    @Test
    void customerServiceMessagesReachThePage() throws Exception {
        String openid = "oSimKefu" + System.nanoTime();

        asyncReplies.sendText(openid, () -> "您的问题已转交工作人员").get(10, TimeUnit.SECONDS);

        assertThat(get("/simulator/messages?openid=" + openid).body()).isEqualTo("[\"您的问题已转交工作人员\"]");
        assertThat(get("/simulator/messages?openid=" + openid).body()).isEqualTo("[]");
    }

    @Test
    void wxJavaIsPointedAtTheFakeApi() throws Exception {
        assertThat(wxMpService.getWxMpConfigStorage().getHostConfig().getApiHost())
                .isEqualTo("http://127.0.0.1:" + port + "/simulator/api");
        assertThat(wxMpService.getAccessToken()).isEqualTo("simulator-access-token");
    }
}
