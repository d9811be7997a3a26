package cn.fangfei.wechat;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app with a configured WeChat account (token AAAAA, as in WeChat's published example) on a real
 * port, talking to {@link FakeWechatServer}. Every subclass shares one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fangfei.wechat.app-id=wxtestappid",
        "fangfei.wechat.secret=test-secret",
        "fangfei.wechat.token=" + WechatAppTest.TOKEN,
        "fangfei.wechat.aes-key=" + WechatAppTest.AES_KEY,
        "fangfei.simulator.enabled=false",
        "fangfei.admin.token=" + WechatAppTest.ADMIN_TOKEN,
        "fangfei.security.metrics-token=" + WechatAppTest.METRICS_TOKEN})
@ActiveProfiles("test")
public abstract class WechatAppTest {
    public static final String TOKEN = "AAAAA";
    public static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFA";
    public static final String APP_ID = "wxtestappid";
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef0123";
    public static final String METRICS_TOKEN = "test-metrics-token";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void fakeWechat(DynamicPropertyRegistry registry) {
        registry.add("fangfei.wechat.api-host", FakeWechatServer::baseUrl);
    }

    @BeforeEach
    void resetFakeWechat() {
        FakeWechatServer.reset();
    }

    protected WechatClient wechat() {
        return new WechatClient("http://127.0.0.1:" + port, TOKEN, AES_KEY, APP_ID);
    }
}
