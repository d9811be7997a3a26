package cn.fangfei.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import me.chanjar.weixin.mp.config.impl.WxMpRedisConfigImpl;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/** Two instances, two threads each, asking for a token nobody has yet: WeChat is asked once. */
class SharedTokenWxMpServiceTest {
    @Test
    void concurrentRefreshesAcrossInstancesFetchOneToken() throws Exception {
        AtomicInteger tokenCalls = new AtomicInteger();
        try (MockWebServer wechat = new MockWebServer(); JedisPool redis = new JedisPool(
                java.net.URI.create(System.getenv().getOrDefault("FANGFEI_REDIS_URL", "redis://127.0.0.1:6379/0")))) {
            wechat.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    tokenCalls.incrementAndGet();
                    Thread.sleep(300);
                    return new MockResponse.Builder().code(200).body("{\"access_token\":\"ONE\",\"expires_in\":7200}").build();
                }
            });
            wechat.start();
            try (Jedis jedis = redis.getResource()) {
                jedis.del("ff:wx:access_token:wxtokenrace", "ff:wx:lock:wxtokenrace:accessTokenLock");
            }
            ExecutorService threads = Executors.newFixedThreadPool(4);
            List<Future<String>> tokens = new ArrayList<>();
            for (int instance = 0; instance < 2; instance++) {
                SharedTokenWxMpService service = instance(redis, wechat.url("/").toString());
                for (int thread = 0; thread < 2; thread++) {
                    tokens.add(threads.submit(() -> service.getAccessToken()));
                }
            }
            for (Future<String> token : tokens) {
                assertThat(token.get()).isEqualTo("ONE");
            }
            threads.shutdown();
            assertThat(tokenCalls).hasValue(1);
        }
    }

    private static SharedTokenWxMpService instance(JedisPool redis, String apiHost) {
        WxMpRedisConfigImpl config = new WxMpRedisConfigImpl(new SharedWxRedisOps(redis), WechatKeys.WXJAVA_PREFIX);
        config.setAppId("wxtokenrace");
        config.setSecret("secret");
        config.setHostConfig(WechatConfiguration.allHostsAt(apiHost));
        SharedTokenWxMpService service = new SharedTokenWxMpService();
        service.setWxMpConfigStorage(config);
        return service;
    }
}
