package cn.fangfei.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import cn.fangfei.support.RedisProcess;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/** Sessions against a Redis of their own, which the tests stop and start. */
class RedisSessionRepositoryTest {
    private static final Duration IDLE = Duration.ofMinutes(30);

    @Test
    void aSessionSurvivesARedisOutageInMemoryAndMovesToRedisWhenItIsBack() {
        try (RedisProcess server = RedisProcess.server().start(); JedisPool pool = pool(server)) {
            RedisSessionRepository repository = new RedisSessionRepository(pool, IDLE);
            server.stop();

            RedisSessionRepository.RedisSession session = repository.createSession();
            session.setAttribute("token", "csrf-1");
            repository.save(session);
            assertThat(repository.findById(session.getId()).<String>getAttribute("token")).isEqualTo("csrf-1");

            server.start();
            RedisSessionRepository.RedisSession found = repository.findById(session.getId());
            repository.save(found);

            try (Jedis jedis = pool.getResource()) {
                assertThat(jedis.ttl(SecurityKeys.session(session.getId()))).isBetween(IDLE.toSeconds() - 5, IDLE.toSeconds());
            }
            RedisSessionRepository otherInstance = new RedisSessionRepository(pool, IDLE);
            assertThat(otherInstance.findById(session.getId()).<String>getAttribute("token")).isEqualTo("csrf-1");
        }
    }

    @Test
    void onlyTheClassesASessionHoldsAreReadBack() {
        try (RedisProcess server = RedisProcess.server().start(); JedisPool pool = pool(server)) {
            RedisSessionRepository repository = new RedisSessionRepository(pool, IDLE);
            RedisSessionRepository.RedisSession session = repository.createSession();
            session.setAttribute("point", new Point(1, 2));
            repository.save(session);

            assertThat(repository.findById(session.getId())).as("java.awt is not on the allow-list").isNull();
            try (Jedis jedis = pool.getResource()) {
                assertThat(jedis.exists(SecurityKeys.session(session.getId()))).as("the unreadable session is gone").isFalse();
            }
        }
    }

    @Test
    void aSessionEndedElsewhereIsNotBroughtBackByALateSave() {
        try (RedisProcess server = RedisProcess.server().start(); JedisPool pool = pool(server)) {
            RedisSessionRepository repository = new RedisSessionRepository(pool, IDLE);
            RedisSessionRepository.RedisSession session = repository.createSession();
            session.setAttribute("token", "csrf-1");
            repository.save(session);
            RedisSessionRepository.RedisSession inFlight = repository.findById(session.getId());

            repository.deleteById(session.getId());
            inFlight.setAttribute("token", "csrf-2");
            repository.save(inFlight);

            assertThat(repository.findById(session.getId())).isNull();
        }
    }

    private static JedisPool pool(RedisProcess server) {
        return new JedisPool(new JedisPoolConfig(), URI.create(server.url()), 500, 500);
    }
}
