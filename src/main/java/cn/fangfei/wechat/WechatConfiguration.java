package cn.fangfei.wechat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.fangfei.config.RunMode;
import cn.fangfei.config.SimulatorProperties;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpRedisConfigImpl;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

@Configuration(proxyBeanMethods = false)
public class WechatConfiguration {

    @Bean
    RunMode runMode(SimulatorProperties simulator, WechatProperties wechat) {
        return RunMode.of(simulator, wechat.hasCredentials());
    }

    @Bean
    WechatAccount wechatAccount(WechatProperties wechat, RunMode runMode) {
        if (runMode.simulator()) {
            return SimulatorAccount.ACCOUNT;
        }
        if (!wechat.hasCredentials()) {
            throw new IllegalStateException(
                    "fangfei.simulator.enabled is false but fangfei.wechat.app-id, secret and token are not all set");
        }
        return new WechatAccount(wechat.appId(), wechat.secret(), wechat.token(), wechat.aesKey());
    }

    /** The access token lives in Redis, so every instance uses the same one instead of revoking each other's. */
    @Bean
    WxMpService wxMpService(WechatAccount account, WechatProperties wechat, Pool<Jedis> redisPool) {
        WxMpRedisConfigImpl config = new WxMpRedisConfigImpl(new SharedWxRedisOps(redisPool), WechatKeys.WXJAVA_PREFIX);
        config.setAppId(account.appId());
        config.setSecret(account.secret());
        config.setToken(account.token());
        if (account.supportsSafeMode()) {
            config.setAesKey(account.aesKey());
        }
        if (!wechat.apiHost().isEmpty()) {
            config.setHostConfig(allHostsAt(wechat.apiHost()));
        }
        WxMpService service = new SharedTokenWxMpService();
        service.setWxMpConfigStorage(config);
        return service;
    }

    /** Sends every WeChat API call to one base URL: a test server or the simulator's fake API. */
    public static WxMpHostConfig allHostsAt(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return new WxMpHostConfig(base, base, base);
    }
}
