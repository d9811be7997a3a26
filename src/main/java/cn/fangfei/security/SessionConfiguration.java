package cn.fangfei.security;

import java.net.URI;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisNode;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisClientConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.config.ConfigureNotifyKeyspaceEventsAction;
import org.springframework.session.data.redis.config.ConfigureRedisAction;
import org.springframework.session.data.redis.config.annotation.SpringSessionRedisConnectionFactory;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisIndexedHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

import cn.fangfei.config.SiteProperties;
import cn.fangfei.redis.RedisEndpoint;
import cn.fangfei.redis.RedisProperties;

/**
 * Staff sessions through Spring Session's Redis support, shared by all instances. The indexed
 * repository keeps each staff member's session ids, so that disabling an account or changing its
 * roles ends its sessions everywhere (StaffSessions). Residents never get a session (their CSRF token
 * is a cookie, see SecurityConfiguration), so only logged-in staff are stored.
 *
 * <p>The cookie is HttpOnly and SameSite=Lax (a link from a chat into the console still arrives logged
 * in; CSRF tokens guard every form). It is Secure when the site is published over https, and
 * otherwise whenever the request came over TLS (directly or, behind a proxy, by X-Forwarded-Proto).
 */
@Configuration(proxyBeanMethods = false)
@EnableRedisIndexedHttpSession(redisNamespace = SessionConfiguration.NAMESPACE)
class SessionConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);
    static final String COOKIE = "FANGFEI_SESSION";
    /** Spring Session's keys: sessions:&lt;id&gt;, expirations:&lt;minute&gt;, index:…PRINCIPAL_NAME_INDEX_NAME:&lt;user&gt;. */
    static final String NAMESPACE = "ff:sec:session";

    /**
     * Spring Data Redis's connection to the same Redis as the rest of the app (embedded, URL or
     * Sentinel), with its own small Jedis pool.
     */
    @Bean
    @SpringSessionRedisConnectionFactory
    JedisConnectionFactory sessionRedisConnectionFactory(RedisEndpoint endpoint, RedisProperties properties) {
        Duration timeout = Duration.ofMillis(cn.fangfei.redis.RedisConfiguration.TIMEOUT_MILLIS);
        JedisClientConfiguration.JedisClientConfigurationBuilder client = JedisClientConfiguration.builder()
                .connectTimeout(timeout).readTimeout(timeout);
        client.usePooling();
        if (properties.sentinel()) {
            return new JedisConnectionFactory(sentinel(properties), client.build());
        }
        URI url = URI.create(endpoint.url(properties));
        if ("rediss".equals(url.getScheme())) {
            client.useSsl();
        }
        return new JedisConnectionFactory(standalone(url), client.build());
    }

    private static RedisSentinelConfiguration sentinel(RedisProperties properties) {
        RedisSentinelConfiguration sentinel = new RedisSentinelConfiguration();
        sentinel.master(properties.sentinelMaster());
        properties.sentinelAddresses().forEach(address -> sentinel.addSentinel(RedisNode.fromString(address)));
        sentinel.setDatabase(properties.database());
        sentinel.setUsername(emptyToNull(properties.username()));
        sentinel.setPassword(RedisPassword.of(emptyToNull(properties.password())));
        sentinel.setSentinelPassword(RedisPassword.of(emptyToNull(properties.sentinelPassword())));
        return sentinel;
    }

    /** redis[s]://[user:password@]host:port[/db], read as Jedis reads it for the app's own pool. */
    private static RedisStandaloneConfiguration standalone(URI url) {
        RedisStandaloneConfiguration standalone = new RedisStandaloneConfiguration(url.getHost(),
                url.getPort() < 0 ? 6379 : url.getPort());
        String userInfo = url.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            standalone.setUsername(colon > 0 ? userInfo.substring(0, colon) : null);
            standalone.setPassword(RedisPassword.of(colon >= 0 ? userInfo.substring(colon + 1) : userInfo));
        }
        String path = url.getPath() == null ? "" : url.getPath().replace("/", "");
        standalone.setDatabase(path.isEmpty() ? 0 : Integer.parseInt(path));
        return standalone;
    }

    /**
     * Spring Session wants Redis's keyspace notifications (to clean up its per-user index when a session
     * expires) and would turn them on at start-up, failing the start when Redis is down. Here they are
     * turned on once the app is up, and a failure is only logged: residents are served without Redis,
     * and a Redis service that forbids CONFIG has them set in its own settings
     * (fangfei.security.session-redis-config=none; deploy/redis/redis.conf).
     */
    @Bean
    ConfigureRedisAction configureRedisAction() {
        return ConfigureRedisAction.NO_OP;
    }

    /** Its subscription is started once the app is up (below), so that a Redis outage cannot stop the start. */
    @Bean
    static BeanPostProcessor listenLater() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof RedisMessageListenerContainer container) {
                    container.setAutoStartup(false);
                }
                return bean;
            }
        };
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> keyspaceNotifications(JedisConnectionFactory sessionRedisConnectionFactory,
            RedisMessageListenerContainer sessionEvents,
            @Value("${fangfei.security.session-redis-config:notify-keyspace-events}") String config) {
        return ready -> {
            try {
                if (!"none".equals(config)) {
                    try (RedisConnection connection = sessionRedisConnectionFactory.getConnection()) {
                        new ConfigureNotifyKeyspaceEventsAction().configure(connection);
                    }
                }
                sessionEvents.start();
            } catch (RuntimeException e) {
                log.warn("could not listen to Redis for expired sessions ({}); they expire all the same, but stay in"
                        + " their user's index until it is next read", e.getClass().getSimpleName());
            }
        };
    }

    /** An idle session ends after fangfei.security.session-timeout, on every instance. */
    @Bean
    SessionRepositoryCustomizer<RedisIndexedSessionRepository> sessionTimeout(SecurityProperties properties) {
        return repository -> repository.setDefaultMaxInactiveInterval(properties.sessionTimeout());
    }

    @Bean
    CookieSerializer cookieSerializer(SiteProperties site) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(COOKIE);
        cookie.setCookiePath("/");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        if (site.publicUrl().startsWith("https://")) {
            cookie.setUseSecureCookie(true);
        }
        return cookie;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
