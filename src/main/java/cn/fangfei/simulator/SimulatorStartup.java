package cn.fangfei.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import cn.fangfei.wechat.WechatConfiguration;
import cn.fangfei.wechat.WechatProperties;
import me.chanjar.weixin.mp.api.WxMpService;

/**
 * Once the port is known: says where the simulator is, and (unless an API host is configured) sends
 * WxJava's API calls to the simulator's fake WeChat API, so customer-service messages show up in the
 * page instead of failing against the real WeChat with made-up credentials.
 */
@Component
@Conditional(OnSimulatorMode.class)
class SimulatorStartup implements ApplicationListener<WebServerInitializedEvent> {
    private static final Logger log = LoggerFactory.getLogger(SimulatorStartup.class);

    private final WxMpService wxMpService;
    private final WechatProperties wechat;

    SimulatorStartup(WxMpService wxMpService, WechatProperties wechat) {
        this.wxMpService = wxMpService;
        this.wechat = wechat;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return;
        }
        int port = event.getWebServer().getPort();
        if (wechat.apiHost().isEmpty()) {
            wxMpService.getWxMpConfigStorage().setHostConfig(
                    WechatConfiguration.allHostsAt("http://127.0.0.1:" + port + FakeWechatApi.BASE));
        }
        log.info("WeChat simulator is on at http://localhost:{}/simulator (no real account is used)", port);
    }
}
