package cn.fangfei.support;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import redis.clients.jedis.Jedis;

/**
 * Gives every application context of a test run its own database of the Redis that FANGFEI_REDIS_URL
 * names (1, 2, 3 ..., after 15 round again), emptied before the app starts, so that a context's flushes
 * and its scheduled jobs never meet another context's keys, and no app starts with what an earlier run
 * left (editors' additions it would load at start-up). Test properties (a test's own Redis server, an
 * unreachable one) still win; without FANGFEI_REDIS_URL every context starts an embedded Redis of its own.
 */
public final class RedisDatabasePerContext implements ContextCustomizerFactory {
    private static final String URL_VARIABLE = "FANGFEI_REDIS_URL";
    /** Redis has databases 0-15; 0 is left to the tests that use the URL as it is. */
    private static final int DATABASES = 15;
    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new OwnDatabase();
    }

    /** All equal: the database is chosen when a context is made, so it does not split the context cache. */
    private static final class OwnDatabase implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            String url = context.getEnvironment().getProperty(URL_VARIABLE, "");
            if (url.isBlank()) {
                return;
            }
            String own = withDatabase(url, 1 + CONTEXTS.getAndIncrement() % DATABASES);
            try (Jedis jedis = new Jedis(URI.create(own))) {
                jedis.flushDB();
            }
            context.getEnvironment().getPropertySources().addBefore(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new MapPropertySource("redisDatabasePerContext", Map.of("fangfei.redis.url", own)));
        }

        private static String withDatabase(String url, int database) {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@")
                    + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/" + database;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof OwnDatabase;
        }

        @Override
        public int hashCode() {
            return OwnDatabase.class.hashCode();
        }
    }
}
