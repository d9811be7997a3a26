package cn.fangfei.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.PrincipalNameIndexResolver;
import org.springframework.session.Session;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.Pool;

/**
 * Console sessions in Redis, so that every instance knows every login and a restart logs nobody out.
 * One hash per session, living exactly as long as the idle timeout and pushed forward by each request.
 * Only changed attributes are written, so two requests of one session don't undo each other's changes.
 * Attributes are Java-serialized, and read back only for the classes a console session holds.
 *
 * <p>Residents' forms (the tip-off form's CSRF token) need a session too, and they must keep working
 * while Redis is down. Sessions are then kept in this instance's memory (bounded) and moved to Redis
 * by the first save after it is back.
 */
final class RedisSessionRepository implements FindByIndexNameSessionRepository<RedisSessionRepository.RedisSession> {
    private static final Logger log = LoggerFactory.getLogger(RedisSessionRepository.class);
    private static final String CREATED = "created";
    private static final String ACCESSED = "accessed";
    private static final String IDLE = "idle";
    private static final String PRINCIPAL = "principal";
    private static final String ATTRIBUTE = "a:";
    /** What Spring Security and Spring MVC keep in a session (login, CSRF token, saved request, flash messages). */
    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxrefs=10000;maxbytes=262144;java.lang.*;java.util.*;java.util.concurrent.*;java.time.*;"
                    + "java.net.*;"
                    + "org.springframework.security.**;org.springframework.web.servlet.FlashMap;"
                    + "org.springframework.util.*;cn.fangfei.**;!*");

    /**
     * Writes a session's changes and pushes its expiry forward, in one step. A session that is not new
     * but gone from Redis was ended meanwhile (logout, disabled account): it stays ended.
     * KEYS: the session, the principal's set of sessions. ARGV: isNew, ttl, principal (may be empty),
     * session id, number of field/value items, the field/value items..., the removed fields...
     */
    private static final String SAVE = """
            if ARGV[1] == '0' and redis.call('exists', KEYS[1]) == 0 then
              return 0
            end
            local count = tonumber(ARGV[5])
            for i = 6, 5 + count, 2 do
              redis.call('hset', KEYS[1], ARGV[i], ARGV[i + 1])
            end
            for i = 6 + count, #ARGV do
              redis.call('hdel', KEYS[1], ARGV[i])
            end
            redis.call('expire', KEYS[1], ARGV[2])
            if ARGV[3] ~= '' then
              redis.call('sadd', KEYS[2], ARGV[4])
              redis.call('expire', KEYS[2], ARGV[2])
            end
            return 1
            """;

    /** Sessions this instance keeps in memory during a Redis outage, most recently used last. */
    static final int MAX_OUTAGE_SESSIONS = 10_000;

    private final Pool<Jedis> redis;
    private final Duration idleTimeout;
    private final PrincipalNameIndexResolver<Session> principals = new PrincipalNameIndexResolver<>();
    private final Map<String, MapSession> outage = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MapSession> eldest) {
            return size() > MAX_OUTAGE_SESSIONS;
        }
    });
    private volatile boolean redisDown;

    RedisSessionRepository(Pool<Jedis> redis, Duration idleTimeout) {
        this.redis = redis;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public RedisSession createSession() {
        MapSession session = new MapSession();
        session.setMaxInactiveInterval(idleTimeout);
        return new RedisSession(session, true);
    }

    @Override
    public void save(RedisSession session) {
        try {
            saveInRedis(session);
            outage.remove(session.originalId);
            outage.remove(session.getId());
            redisIsUp();
        } catch (JedisException e) {
            redisIsDown(e);
            outage.remove(session.originalId);
            outage.put(session.getId(), new MapSession(session.cached));
        }
        session.saved();
    }

    private void saveInRedis(RedisSession session) {
        try (Jedis jedis = redis.getResource()) {
            if (!session.isNew && !session.originalId.equals(session.getId())) {
                renameOrStartOver(jedis, session);
            }
            List<byte[]> args = new ArrayList<>();
            args.add(bytes(session.isNew ? "1" : "0"));
            args.add(bytes(Long.toString(session.getMaxInactiveInterval().toSeconds())));
            String principal = principals.resolveIndexValueFor(session);
            args.add(bytes(principal == null ? "" : principal));
            args.add(bytes(session.getId()));
            List<byte[]> removed = new ArrayList<>();
            List<byte[]> fields = new ArrayList<>();
            addField(fields, ACCESSED, Long.toString(session.getLastAccessedTime().toEpochMilli()));
            addField(fields, IDLE, Long.toString(session.getMaxInactiveInterval().toSeconds()));
            if (session.isNew) {
                addField(fields, CREATED, Long.toString(session.getCreationTime().toEpochMilli()));
            }
            if (principal != null) {
                addField(fields, PRINCIPAL, principal);
            }
            session.changes.forEach((name, value) -> {
                if (value == null) {
                    removed.add(bytes(ATTRIBUTE + name));
                } else {
                    fields.add(bytes(ATTRIBUTE + name));
                    fields.add(serialize(value));
                }
            });
            args.add(bytes(Integer.toString(fields.size())));
            args.addAll(fields);
            args.addAll(removed);
            jedis.eval(bytes(SAVE), List.of(bytes(SecurityKeys.session(session.getId())),
                    bytes(SecurityKeys.sessionsOf(principal == null ? "" : principal))), args);
        }
    }

    @Override
    public RedisSession findById(String id) {
        Map<byte[], byte[]> stored;
        try (Jedis jedis = redis.getResource()) {
            stored = jedis.hgetAll(bytes(SecurityKeys.session(id)));
        } catch (JedisException e) {
            redisIsDown(e);
            return fromOutage(id);
        }
        if (stored.isEmpty()) {
            return fromOutage(id);
        }
        Map<String, byte[]> fields = new LinkedHashMap<>();
        stored.forEach((name, value) -> fields.put(text(name), value));
        MapSession session = new MapSession(id);
        try {
            session.setCreationTime(Instant.ofEpochMilli(Long.parseLong(text(fields.get(CREATED)))));
            session.setLastAccessedTime(Instant.ofEpochMilli(Long.parseLong(text(fields.get(ACCESSED)))));
            session.setMaxInactiveInterval(Duration.ofSeconds(Long.parseLong(text(fields.get(IDLE)))));
            for (Map.Entry<String, byte[]> field : fields.entrySet()) {
                if (field.getKey().startsWith(ATTRIBUTE)) {
                    session.setAttribute(field.getKey().substring(ATTRIBUTE.length()), deserialize(field.getValue()));
                }
            }
        } catch (RuntimeException e) {
            // Written by another version of the app, or damaged: the staff member logs in again.
            log.warn("discarding an unreadable console session: {} ({})", e.getMessage(),
                    e.getCause() == null ? "" : e.getCause().toString());
            deleteById(id);
            return null;
        }
        if (session.isExpired()) {
            deleteById(id);
            return null;
        }
        return new RedisSession(session, false);
    }

    @Override
    public void deleteById(String id) {
        outage.remove(id);
        String key = SecurityKeys.session(id);
        try (Jedis jedis = redis.getResource()) {
            String principal = jedis.hget(key, PRINCIPAL);
            Transaction tx = jedis.multi();
            tx.del(key);
            if (principal != null) {
                tx.srem(SecurityKeys.sessionsOf(principal), id);
            }
            tx.exec();
        }
    }

    @Override
    public Map<String, RedisSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        if (!PRINCIPAL_NAME_INDEX_NAME.equals(indexName)) {
            return Map.of();
        }
        Set<String> ids;
        try (Jedis jedis = redis.getResource()) {
            ids = jedis.smembers(SecurityKeys.sessionsOf(indexValue));
        }
        Map<String, RedisSession> sessions = new HashMap<>();
        for (String id : ids) {
            RedisSession session = findById(id);
            if (session != null) {
                sessions.put(id, session);
            }
        }
        return sessions;
    }

    /** Ends every session of a user, e.g. when the account is disabled or its roles change. */
    int deleteByPrincipalName(String username) {
        synchronized (outage) {
            outage.values().removeIf(session -> username.equals(principals.resolveIndexValueFor(session)));
        }
        Set<String> ids;
        try (Jedis jedis = redis.getResource()) {
            ids = jedis.smembers(SecurityKeys.sessionsOf(username));
        }
        ids.forEach(this::deleteById);
        try (Jedis jedis = redis.getResource()) {
            jedis.del(SecurityKeys.sessionsOf(username));
        }
        return ids.size();
    }

    /** A session kept in memory during an outage; marked new, so that its first save writes all of it to Redis. */
    private RedisSession fromOutage(String id) {
        MapSession kept = outage.get(id);
        if (kept == null || kept.isExpired()) {
            outage.remove(id);
            return null;
        }
        return new RedisSession(new MapSession(kept), true);
    }

    private void redisIsDown(JedisException e) {
        if (!redisDown) {
            redisDown = true;
            log.warn("Redis unavailable, sessions are kept in this instance's memory until it is back: {}", e.getMessage());
        }
    }

    private void redisIsUp() {
        if (redisDown) {
            redisDown = false;
            log.info("Redis is back: sessions are stored there again");
        }
    }

    /** After a login the session gets a new id (against session fixation); its data moves along. */
    private static void renameOrStartOver(Jedis jedis, RedisSession session) {
        try {
            jedis.rename(SecurityKeys.session(session.originalId), SecurityKeys.session(session.getId()));
            String principal = jedis.hget(SecurityKeys.session(session.getId()), PRINCIPAL);
            if (principal != null) {
                jedis.srem(SecurityKeys.sessionsOf(principal), session.originalId);
            }
        } catch (JedisDataException e) {
            // The old session expired meanwhile: write all of it under the new id.
            session.isNew = true;
            session.getAttributeNames().forEach(name -> session.changes.put(name, session.getAttribute(name)));
        }
    }

    private static void addField(List<byte[]> fields, String name, String value) {
        fields.add(bytes(name));
        fields.add(bytes(value));
    }

    private static byte[] serialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IllegalStateException("a session attribute of type " + value.getClass().getName()
                    + " cannot be serialized", e);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] value) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(value)) {
            {
                setObjectInputFilter(ALLOWED);
            }

            @Override
            protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                return Class.forName(desc.getName(), false, RedisSessionRepository.class.getClassLoader());
            }
        }) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("unreadable session attribute", e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        if (bytes == null) {
            throw new IllegalStateException("a session field is missing");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A session as Spring Session sees it, remembering what changed since it was read. */
    static final class RedisSession implements Session {
        private final MapSession cached;
        private final Map<String, Object> changes = new HashMap<>();
        private String originalId;
        private boolean isNew;

        RedisSession(MapSession cached, boolean isNew) {
            this.cached = cached;
            this.isNew = isNew;
            this.originalId = cached.getId();
            if (isNew) {
                cached.getAttributeNames().forEach(name -> changes.put(name, cached.getAttribute(name)));
            }
        }

        void saved() {
            changes.clear();
            originalId = cached.getId();
            isNew = false;
        }

        @Override
        public String getId() {
            return cached.getId();
        }

        @Override
        public String changeSessionId() {
            return cached.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return cached.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return cached.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            cached.setAttribute(name, value);
            changes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            cached.removeAttribute(name);
            changes.put(name, null);
        }

        @Override
        public Instant getCreationTime() {
            return cached.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            cached.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return cached.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            cached.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return cached.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return cached.isExpired();
        }
    }
}
