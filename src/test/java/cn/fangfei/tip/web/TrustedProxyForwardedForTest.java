package cn.fangfei.tip.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.simulator.SimulatorAppTest;
import cn.fangfei.support.RedisTestSupport;
import cn.fangfei.tip.TipProperties;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * With the proxy on loopback trusted (FANGFEI_TRUSTED_PROXIES, as SimulatorAppTest's app has it), the
 * client address it forwards is the one limited.
 */
class TrustedProxyForwardedForTest extends SimulatorAppTest {
    @Autowired
    TipProperties properties;
    @Autowired
    Pool<Jedis> redis;

    @BeforeEach
    void noEarlierGuesses() {
        RedisTestSupport.flush(redis);
    }

    @Test
    void eachForwardedClientHasItsOwnReceiptGuessLimit() throws Exception {
        ForwardedAddresses proxy = new ForwardedAddresses("http://127.0.0.1:" + port);
        for (int i = 1; i <= properties.rateLimit().failedLookups(); i++) {
            assertThat(proxy.wrongReceipt("198.51.100.1")).isEqualTo(200);
        }
        assertThat(proxy.wrongReceipt("198.51.100.1")).isEqualTo(429);
        assertThat(proxy.wrongReceipt("198.51.100.2")).as("another client behind the proxy").isEqualTo(200);
    }

    @Test
    void eachForwardedClientHasItsOwnLoginLimit() throws Exception {
        ForwardedAddresses proxy = new ForwardedAddresses("http://127.0.0.1:" + port);
        for (int i = 1; i <= 3; i++) {
            assertThat(proxy.wrongLogin("reviewer8", "198.51.100.1")).endsWith("/login?error=bad");
        }
        assertThat(proxy.wrongLogin("reviewer8", "198.51.100.1")).contains("/login?error=locked");
        assertThat(proxy.wrongLogin("reviewer8", "198.51.100.2")).as("another client behind the proxy")
                .endsWith("/login?error=bad");
    }
}
