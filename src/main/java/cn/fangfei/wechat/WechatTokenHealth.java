package cn.fangfei.wechat;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import cn.fangfei.config.RunMode;

/**
 * Whether the access token could be had at the background refresher's last attempt: without it no
 * menu, customer-service message or reminder goes out (passive replies still do). Reads what
 * {@link WechatTokenRefresher} recorded and never calls WeChat, so probes cost nothing and cannot
 * use up the token quota. Unknown until the first attempt, a moment after start-up.
 */
@Component("wechatToken")
class WechatTokenHealth extends AbstractHealthIndicator {
    private final WechatTokenRefresher refresher;
    private final RunMode runMode;

    WechatTokenHealth(WechatTokenRefresher refresher, RunMode runMode) {
        super("WeChat access token check failed");
        this.refresher = refresher;
        this.runMode = runMode;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (runMode.simulator()) {
            builder.up().withDetail("mode", "simulator");
            return;
        }
        refresher.lastAttempt().ifPresentOrElse(attempt -> {
            builder.status(attempt.succeeded() ? Status.UP
                    : Status.DOWN).withDetail("checkedAt", attempt.at().toString());
            if (!attempt.succeeded()) {
                builder.withDetail("errcode", attempt.errcode());
            }
        }, builder::unknown);
    }
}
