package cn.fangfei.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.wechat.WechatAppTest;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

class OncePerPeriodTest extends WechatAppTest {
    @Autowired
    Pool<Jedis> redisPool;

    @Test
    void onlyTheFirstInstanceClaimsAPeriod() {
        String key = "ff:test:once-" + UUID.randomUUID();
        OncePerPeriod one = new OncePerPeriod(redisPool);
        OncePerPeriod other = new OncePerPeriod(redisPool);

        assertThat(one.claim(key, Duration.ofDays(2))).isTrue();
        assertThat(other.claim(key, Duration.ofDays(2))).isFalse();
        assertThat(one.claim(key, Duration.ofDays(2))).isFalse();
        assertThat(other.claim(key + ":next", Duration.ofDays(2))).isTrue();
    }

    @Test
    void theClaimLastsItsTtl() {
        String key = "ff:test:once-" + UUID.randomUUID();

        new OncePerPeriod(redisPool).claim(key, Duration.ofDays(14));

        try (Jedis jedis = redisPool.getResource()) {
            assertThat(jedis.ttl(key)).isBetween(Duration.ofDays(14).toSeconds() - 5, Duration.ofDays(14).toSeconds());
        }
    }

    @Test
    void aClaimGivenBackCanBeClaimedAgain() {
        String key = "ff:test:once-" + UUID.randomUUID();
        OncePerPeriod failed = new OncePerPeriod(redisPool);
        OncePerPeriod later = new OncePerPeriod(redisPool);
        failed.claim(key, Duration.ofDays(14));

        failed.giveBack(key);

        assertThat(later.claim(key, Duration.ofDays(14))).isTrue();
    }
}
