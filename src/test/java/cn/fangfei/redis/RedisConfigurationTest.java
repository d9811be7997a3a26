package cn.fangfei.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.fangfei.support.RedisProcess;
import cn.fangfei.support.SentinelListeners;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisSentinelPool;
import redis.clients.jedis.util.Pool;

class RedisConfigurationTest {
    private final RedisConfiguration configuration = new RedisConfiguration();

    @Test
    void sentinelModeFindsTheMasterThroughTheSentinels(@TempDir Path dir) throws Exception {
        try (RedisProcess master = RedisProcess.server().start();
             RedisProcess sentinel = RedisProcess.sentinel("fangfei", master, dir).start()) {
            RedisProperties properties = new RedisProperties("", null, 4, "127.0.0.1:" + sentinel.port(), "fangfei",
                    null, null, null, 0);
            RedisEndpoint endpoint = configuration.redisEndpoint(properties);
            try (Pool<Jedis> pool = configuration.redisPool(endpoint, properties)) {
                assertThat(endpoint.mode()).isEqualTo("sentinel");
                assertThat(pool).isInstanceOf(JedisSentinelPool.class);
                try (Jedis jedis = pool.getResource()) {
                    jedis.set("ff:test:sentinel", "ok");
                }
                try (Jedis direct = new Jedis("127.0.0.1", master.port())) {
                    assertThat(direct.get("ff:test:sentinel")).isEqualTo("ok");
                }
                SentinelListeners.awaitListening(properties.sentinelAddresses());
            }
            SentinelListeners.awaitNoneFor("fangfei");
        }
    }

    @Test
    void urlModeUsesTheNamedServer() throws Exception {
        try (RedisProcess server = RedisProcess.server().start()) {
            RedisProperties properties = new RedisProperties(server.url() + "/3", null, 4, "", null, null, null, null, 0);
            RedisEndpoint endpoint = configuration.redisEndpoint(properties);
            try (Pool<Jedis> pool = configuration.redisPool(endpoint, properties); Jedis jedis = pool.getResource()) {
                assertThat(endpoint.mode()).isEqualTo("url");
                jedis.set("ff:test:url", "ok");
                assertThat(jedis.getDB()).isEqualTo(3);
            }
        }
    }

    @Test
    void noAddressStartsAnEmbeddedRedisWithAofInTheDataDirectory(@TempDir Path dir) throws Exception {
        RedisProperties properties = new RedisProperties("", dir.toString(), 4, "", null, null, null, null, 0);
        try (RedisEndpoint endpoint = configuration.redisEndpoint(properties);
             Pool<Jedis> pool = configuration.redisPool(endpoint, properties);
             Jedis jedis = pool.getResource()) {
            assertThat(endpoint.mode()).isEqualTo("embedded");
            assertThat(jedis.configGet("appendonly")).containsEntry("appendonly", "yes");
            assertThat(jedis.configGet("dir").get("dir")).isEqualTo(dir.toAbsolutePath().toString());
        }
    }
}
