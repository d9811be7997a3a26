package cn.fangfei.faq;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.Pool;

/**
 * The knowledge base's vectors in one Redis hash, shared by all instances: field the SHA-256 of the
 * text, value its 512 floats. A vector depends only on the text and the model, so an entry never goes
 * stale while the model's name in the key stays right. Without Redis the engine embeds, as it would on
 * a first start.
 */
@Component
class RedisVectorStore implements VectorStore {
    private static final Logger log = LoggerFactory.getLogger(RedisVectorStore.class);

    private static final byte[] KEY = FaqKeys.VECTORS.getBytes(StandardCharsets.UTF_8);

    private final Pool<Jedis> redis;

    RedisVectorStore(Pool<Jedis> redis) {
        this.redis = redis;
    }

    @Override
    public Map<String, float[]> find(Collection<String> texts) {
        List<String> ordered = List.copyOf(texts);
        if (ordered.isEmpty()) {
            return Map.of();
        }
        byte[][] fields = ordered.stream().map(RedisVectorStore::field).toArray(byte[][]::new);
        try (Jedis jedis = redis.getResource()) {
            List<byte[]> values = jedis.hmget(KEY, fields);
            Map<String, float[]> found = new HashMap<>();
            for (int i = 0; i < ordered.size(); i++) {
                byte[] value = values.get(i);
                if (value != null && value.length == BgeSmallZh.DIMENSION * Float.BYTES) {
                    found.put(ordered.get(i), floats(value));
                }
            }
            return found;
        } catch (JedisException e) {
            log.warn("Redis unavailable, the knowledge base is embedded anew: {}", e.getMessage());
            return Map.of();
        }
    }

    @Override
    public void keep(Map<String, float[]> vectors) {
        if (vectors.isEmpty()) {
            return;
        }
        Map<byte[], byte[]> fields = new HashMap<>();
        vectors.forEach((text, vector) -> fields.put(field(text), bytes(vector)));
        try (Jedis jedis = redis.getResource()) {
            jedis.hset(KEY, fields);
        } catch (JedisException e) {
            log.warn("Redis unavailable, the new vectors are not kept for the next start: {}", e.getMessage());
        }
    }

    private static byte[] field(String text) {
        return DigestUtils.sha256Hex(text).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    private static float[] floats(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(vector);
        return vector;
    }
}
