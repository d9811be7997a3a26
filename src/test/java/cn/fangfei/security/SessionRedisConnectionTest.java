package cn.fangfei.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;

import cn.fangfei.redis.RedisEndpoint;
import cn.fangfei.redis.RedisProperties;
import cn.fangfei.support.RedisProcess;
import cn.fangfei.support.SentinelListeners;
import redis.clients.jedis.Jedis;

/** Sessions reach the same Redis as the rest of the app, from the same settings: a URL or Sentinels. */
class SessionRedisConnectionTest {
    @Test
    void throughSentinelsSessionsAreWrittenToTheMaster(@TempDir Path dir) throws Exception {
        try (RedisProcess master = RedisProcess.server().start();
             RedisProcess sentinel = RedisProcess.sentinel("fangfei", master, dir).start()) {
            RedisProperties properties = new RedisProperties("", null, 4, "127.0.0.1:" + sentinel.port(), "fangfei",
                    null, null, null, 0);
            writeThrough(properties, new RedisEndpoint("sentinel", null));
            try (Jedis direct = new Jedis("127.0.0.1", master.port())) {
                assertThat(direct.get("ff:test:session")).isEqualTo("ok");
            }
            SentinelListeners.awaitNoneFor("fangfei");
        }
    }

    @Test
    void byUrlTheDatabaseInThePathIsUsed() throws Exception {
        try (RedisProcess server = RedisProcess.server().start()) {
            RedisProperties properties = new RedisProperties(server.url() + "/3", null, 4, "", null, null, null, null, 0);
            writeThrough(properties, new RedisEndpoint("url", null));
            try (Jedis direct = new Jedis("127.0.0.1", server.port())) {
                direct.select(3);
                assertThat(direct.get("ff:test:session")).isEqualTo("ok");
            }
        }
    }

    private static void writeThrough(RedisProperties properties, RedisEndpoint endpoint) {
        JedisConnectionFactory factory = new SessionConfiguration().sessionRedisConnectionFactory(endpoint, properties);
        factory.afterPropertiesSet();
        factory.start();
        try (RedisConnection connection = factory.getConnection()) {
            connection.stringCommands().set("ff:test:session".getBytes(StandardCharsets.UTF_8),
                    "ok".getBytes(StandardCharsets.UTF_8));
            SentinelListeners.awaitListening(properties.sentinelAddresses());
        } finally {
            factory.destroy();
        }
    }
}
