package cn.fangfei.wechat;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import cn.fangfei.config.RunMode;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;

/**
 * The access token can be had: without it no menu, customer-service message or reminder goes out
 * (passive replies still do). The token is shared in Redis, so this rarely calls WeChat.
 */
@Component("wechatToken")
class WechatTokenHealth extends AbstractHealthIndicator {
    private final WxMpService wxMpService;
    private final RunMode runMode;

    WechatTokenHealth(WxMpService wxMpService, RunMode runMode) {
        super("WeChat access token check failed");
        this.wxMpService = wxMpService;
        this.runMode = runMode;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (runMode.simulator()) {
            builder.up().withDetail("mode", "simulator");
            return;
        }
        try {
            wxMpService.getAccessToken();
            builder.up();
        } catch (WxErrorException e) {
            builder.down().withDetail("errcode", e.getError().getErrorCode());
        }
    }
}
