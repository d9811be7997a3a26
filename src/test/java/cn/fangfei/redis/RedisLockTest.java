package cn.fangfei.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

    @Test
    void everyAcquisitionOfAFencedLockTakesAHigherTokenAndOneHolderAtATime() {
        String key = "ff:test:lock-" + UUID.randomUUID();
        String fence = key + ":fence";
        RedisLock one = RedisLock.fenced(redisPool, key, fence, Duration.ofSeconds(10));
        RedisLock other = RedisLock.fenced(redisPool, key, fence, Duration.ofSeconds(10));

        RedisLock.Lease first = one.tryAcquire().orElseThrow();
        assertThat(other.tryAcquire()).isEmpty();
        assertThat(other.tryLock()).isFalse();
        first.close();
        RedisLock.Lease second = other.tryAcquire().orElseThrow();
        second.close();

        assertThat(second.token()).isEqualTo(first.token() + 1);
        try (Jedis jedis = redisPool.getResource()) {
            assertThat(jedis.get(fence)).isEqualTo(Long.toString(second.token()));
            assertThat(jedis.exists(key)).isFalse();
        }
    }

    @Test
    void aLeaseIsRenewedWhileHeldLongerThanItsDuration() {
        String key = "ff:test:lock-" + UUID.randomUUID();
        RedisLock lock = new RedisLock(redisPool, key, Duration.ofMillis(600));

        try (RedisLock.Lease lease = lock.tryAcquire().orElseThrow()) {
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> exists(key));
            assertThat(lease.lost()).isFalse();
            assertThat(lease.token()).isEqualTo(1);
        }
        assertThat(exists(key)).isFalse();
    }

    @Test
    void aHolderWhoseLeaseWasTakenOverLearnsItAndDoesNotReleaseTheNewHolder() {
        String key = "ff:test:lock-" + UUID.randomUUID();
        String fence = key + ":fence";
        RedisLock paused = RedisLock.fenced(redisPool, key, fence, Duration.ofMillis(300));
        RedisLock.Lease old = paused.tryAcquire().orElseThrow();

        try (Jedis jedis = redisPool.getResource()) {
            jedis.del(key);
        }
        RedisLock.Lease taken = RedisLock.fenced(redisPool, key, fence, Duration.ofSeconds(10)).tryAcquire().orElseThrow();
        await().atMost(Duration.ofSeconds(5)).until(old::lost);
        old.close();

        assertThat(exists(key)).isTrue();
        assertThat(paused.tryAcquire()).isEmpty();
        taken.close();
    }

    private boolean exists(String key) {
        try (Jedis jedis = redisPool.getResource()) {
            return jedis.exists(key);
        }
    }
}
