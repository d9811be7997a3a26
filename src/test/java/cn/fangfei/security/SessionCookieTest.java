package cn.fangfei.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer;

import cn.fangfei.config.SiteProperties;
import cn.fangfei.simulator.SimulatorAppTest;
import cn.fangfei.support.HttpLogin;
import cn.fangfei.support.RedisTestSupport;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * The session cookie over a real connection: HttpOnly and SameSite always, Secure behind TLS (the
 * tests speak as the TLS proxy that SimulatorAppTest's app trusts).
 */
class SessionCookieTest extends SimulatorAppTest {
    private static final HttpClient HTTP = HttpLogin.HTTP;

    @Autowired
    StaffAccounts accounts;
    @Autowired
    Pool<Jedis> redis;

    @BeforeEach
    void emptyRedis() {
        RedisTestSupport.flush(redis);
        accounts.save("editor1", "correct-horse-battery", Set.of(StaffRole.EDITOR));
    }

    @Test
    void behindATlsProxyTheCookieIsSecure() throws Exception {
        String cookie = login("https");
        assertThat(cookie).contains("FANGFEI_SESSION=").contains("HttpOnly").contains("SameSite=Lax").contains("Secure");
    }

    @Test
    void overPlainHttpItIsNotMarkedSecureSoTheLaptopSetupStillWorks() throws Exception {
        String cookie = login(null);
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void aSiteServedOverHttpsAlwaysGetsSecureCookies() {
        CookieSerializer serializer = new SessionConfiguration().cookieSerializer(new SiteProperties("https://fangfei.example.gov.cn"));
        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();
        serializer.writeCookieValue(new CookieSerializer.CookieValue(request, response, "abc"));
        assertThat(response.getHeader("Set-Cookie")).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void consolePagesForbidInlineScriptsAndFraming() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(page.body()).contains("后台登录");
        HttpResponse<String> article = HTTP.send(HttpRequest.newBuilder(url("/faq/four-features")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(article.headers().firstValue("Content-Security-Policy")).as("residents' pages have their own rules")
                .hasValueSatisfying(policy -> assertThat(policy).startsWith("default-src 'none'"));
    }

    /** Logs in (optionally as if behind a TLS proxy); returns the Set-Cookie of the logged-in session. */
    private String login(String forwardedProto) throws Exception {
        HttpResponse<String> loggedIn = HttpLogin.login("http://127.0.0.1:" + port, "editor1", "correct-horse-battery",
                forwardedProto);
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).endsWith("/console");
        return HttpLogin.sessionSetCookie(loggedIn);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
