package cn.fangfei.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.wechat.WechatAppTest;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

class RedisLockTest extends WechatAppTest {
    @Autowired
    Pool<Jedis> redisPool;

    @Test
    void onlyOneHolderAtATimeAcrossInstances() throws Exception {
        String key = "ff:wx:lock:test-" + UUID.randomUUID();
        RedisLock one = new RedisLock(redisPool, key, Duration.ofSeconds(10));
        RedisLock other = new RedisLock(redisPool, key, Duration.ofSeconds(10));

        assertThat(one.tryLock()).isTrue();
        assertThat(other.tryLock(200, TimeUnit.MILLISECONDS)).isFalse();
        other.unlock();
        assertThat(other.tryLock()).isFalse();

        one.unlock();
        assertThat(other.tryLock()).isTrue();
        other.unlock();
    }

    @Test
    void anotherThreadOfTheSameInstanceWaitsToo() throws Exception {
        String key = "ff:wx:lock:test-" + UUID.randomUUID();
        RedisLock lock = new RedisLock(redisPool, key, Duration.ofSeconds(10));

        lock.lock();
        boolean otherThreadGotIt = CompletableFuture.supplyAsync(lock::tryLock).get(5, TimeUnit.SECONDS);
        lock.unlock();

        assertThat(otherThreadGotIt).isFalse();
    }

    @Test
    void aHolderThatNeverUnlocksLosesTheLockAfterItsLease() throws Exception {
        String key = "ff:wx:lock:test-" + UUID.randomUUID();
        RedisLock crashed = new RedisLock(redisPool, key, Duration.ofMillis(300));
        RedisLock waiting = new RedisLock(redisPool, key, Duration.ofSeconds(10));

        assertThat(crashed.tryLock()).isTrue();

        assertThat(waiting.tryLock(3, TimeUnit.SECONDS)).isTrue();
        waiting.unlock();
    }
}
