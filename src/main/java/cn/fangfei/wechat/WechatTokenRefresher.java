package cn.fangfei.wechat;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.fangfei.config.RunMode;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;

/**
 * Keeps the access token fresh in the background and remembers how the last attempt went, so that
 * the health check can report it without calling WeChat itself (a health probe that called WeChat
 * tied up a server thread per probe when WeChat was unreachable, and used up the daily token quota
 * when it refused). The token is shared in Redis: most runs find it still valid and call nobody.
 */
@Component
public class WechatTokenRefresher {
    private static final Logger log = LoggerFactory.getLogger(WechatTokenRefresher.class);

    /** The outcome of one attempt; {@code errcode} is 0 after a success, -1 when WeChat could not be reached. */
    public record Attempt(Instant at, boolean succeeded, int errcode) {
    }

    private final WxMpService wxMpService;
    private final RunMode runMode;
    private final Clock clock;
    private final AtomicReference<Attempt> last = new AtomicReference<>();

    WechatTokenRefresher(WxMpService wxMpService, RunMode runMode, Clock clock) {
        this.wxMpService = wxMpService;
        this.runMode = runMode;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "#{@'fangfei.wechat-cn.fangfei.wechat.WechatProperties'.tokenCheckFirst()}",
            fixedDelayString = "#{@'fangfei.wechat-cn.fangfei.wechat.WechatProperties'.tokenCheckInterval()}")
    public void refresh() {
        if (runMode.simulator()) {
            return;
        }
        try {
            wxMpService.getAccessToken();
            last.set(new Attempt(clock.instant(), true, 0));
        } catch (WxErrorException e) {
            int errcode = e.getError().getErrorCode();
            log.warn("WeChat refused the access token: errcode {}", errcode);
            last.set(new Attempt(clock.instant(), false, errcode));
        } catch (RuntimeException e) {
            log.warn("WeChat could not be reached for the access token: {}", e.getClass().getSimpleName());
            last.set(new Attempt(clock.instant(), false, -1));
        }
    }

    /** The last attempt; empty before the first one. */
    public Optional<Attempt> lastAttempt() {
        return Optional.ofNullable(last.get());
    }
}
