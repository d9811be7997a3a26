package cn.fangfei.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

import cn.fangfei.config.SiteProperties;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * Sessions through Spring Session on Redis ({@link RedisSessionRepository}), shared by all instances.
 * The cookie is HttpOnly and SameSite=Lax (a link from a chat into the console still arrives logged
 * in; CSRF tokens guard every form). It is Secure when the site is published over https, and
 * otherwise whenever the request came over TLS (directly or, behind a proxy, by X-Forwarded-Proto).
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionConfiguration {
    static final String COOKIE = "FANGFEI_SESSION";

    @Bean
    RedisSessionRepository sessionRepository(Pool<Jedis> redis, SecurityProperties properties) {
        return new RedisSessionRepository(redis, properties.sessionTimeout());
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
}
