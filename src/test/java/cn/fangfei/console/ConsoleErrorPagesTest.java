package cn.fangfei.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.security.StaffAccounts;
import cn.fangfei.security.StaffRole;
import cn.fangfei.simulator.SimulatorAppTest;
import cn.fangfei.support.HttpLogin;
import cn.fangfei.support.RedisTestSupport;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * Error pages over a real server (MockMvc does not render them): console paths get the console's
 * Chinese page, other paths keep the residents' one. On SimulatorAppTest's app.
 */
class ConsoleErrorPagesTest extends SimulatorAppTest {
    @Autowired
    StaffAccounts accounts;
    @Autowired
    Pool<Jedis> redis;

    private String cookie;

    @BeforeEach
    void loggedInReviewer() throws Exception {
        RedisTestSupport.flush(redis);
        accounts.save("reviewer1", "correct-horse-battery", Set.of(StaffRole.REVIEWER));
        cookie = HttpLogin.sessionCookie(HttpLogin.login(base(), "reviewer1", "correct-horse-battery", null));
    }

    @Test
    void aPageBeyondTheRoleShowsTheConsoles403() throws Exception {
        HttpResponse<String> page = asReviewer("/console/users");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("无权访问", "返回后台首页").doesNotContain("Exception", "at cn.");
    }

    @Test
    void aMissingConsolePageShowsTheConsoles404() throws Exception {
        HttpResponse<String> page = asReviewer("/console/no-such-page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("页面不存在", "返回后台首页");
    }

    @Test
    void residentsPagesKeepTheirOwnErrorPage() throws Exception {
        HttpResponse<String> page = asReviewer("/no-such-page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("返回后台首页", "Exception");
    }

    private HttpResponse<String> asReviewer(String path) throws Exception {
        return HttpLogin.HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Cookie", cookie)
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
