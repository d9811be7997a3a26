package cn.fangfei.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

class RedisVectorStoreTest {
    private final JedisPool redis = new JedisPool(
            URI.create(System.getenv().getOrDefault("FANGFEI_REDIS_URL", "redis://127.0.0.1:6379/0")));
    private final RedisVectorStore store = new RedisVectorStore(redis);

    @AfterEach
    void cleanUp() {
        try (Jedis jedis = redis.getResource()) {
            jedis.del(FaqKeys.VECTORS);
        }
        redis.close();
    }

    @Test
    void keptVectorsComeBackExactlyAndTextsWithoutOneAreLeftOut() {
        float[] vector = new float[BgeSmallZh.DIMENSION];
        vector[0] = 0.6f;
        vector[511] = -0.8f;

        store.keep(Map.of("什么是非法集资", vector));
        Map<String, float[]> found = store.find(List.of("什么是非法集资", "以房养老是骗局吗"));

        assertThat(found).containsOnlyKeys("什么是非法集资");
        assertThat(found.get("什么是非法集资")).containsExactly(vector);
    }

    @Test
    void theHashHoldsNoTextOfTheKnowledgeBaseOnlyItsDigest() {
        store.keep(Map.of("什么是非法集资", new float[BgeSmallZh.DIMENSION]));

        try (Jedis jedis = redis.getResource()) {
            assertThat(jedis.hkeys(FaqKeys.VECTORS)).singleElement().asString().matches("[0-9a-f]{64}");
        }
    }

    @Test
    void withoutRedisNothingIsFoundAndNothingFails() {
        RedisVectorStore down = new RedisVectorStore(new JedisPool("127.0.0.1", 1));

        assertThat(down.find(List.of("什么是非法集资"))).isEmpty();
        down.keep(Map.of("什么是非法集资", new float[BgeSmallZh.DIMENSION]));
    }
}
