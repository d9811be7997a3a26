package cn.fangfei.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.fangfei.security.StaffAccounts;
import cn.fangfei.security.StaffRole;
import cn.fangfei.support.MockMvcApp;
import cn.fangfei.support.RedisTestSupport;
import jakarta.servlet.http.Cookie;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/** Who sees which console page, CSRF, login throttling, sessions in Redis, and the audit log. */
@MockMvcApp
class ConsoleSecurityTest {
    /** Page → the roles that may open it. */
    static final Map<String, Set<String>> PAGES = Map.of(
            "/console", Set.of("REVIEWER", "EDITOR", "ADMIN"),
            "/console/questions", Set.of("EDITOR", "ADMIN"),
            "/console/answers", Set.of("EDITOR", "ADMIN"),
            "/console/campaigns", Set.of("EDITOR", "ADMIN"),
            "/console/tips", Set.of("REVIEWER", "ADMIN"),
            "/console/users", Set.of("ADMIN"),
            "/console/audit", Set.of("ADMIN"));
    static final String PASSWORD = "correct-horse-battery";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    AuditLog audit;
    @Autowired
    Pool<Jedis> redis;
    @Autowired
    RedisIndexedSessionRepository sessions;

    @BeforeEach
    void emptyRedis() {
        RedisTestSupport.flush(redis);
    }

    @Test
    void eachRoleSeesExactlyItsPages() throws Exception {
        for (String role : List.of("REVIEWER", "EDITOR", "ADMIN")) {
            for (Map.Entry<String, Set<String>> page : PAGES.entrySet()) {
                boolean allowed = page.getValue().contains(role);
                mvc.perform(get(page.getKey()).with(user("someone").roles(role)))
                        .andExpect(allowed ? status().isOk() : status().isForbidden());
            }
        }
    }

    @Test
    void theMenuOffersOnlyTheSectionsOfTheRole() throws Exception {
        String reviewer = page("/console", "REVIEWER");
        assertThat(reviewer).contains("href=\"/console/tips\"")
                .doesNotContain("href=\"/console/questions\"", "href=\"/console/users\"", "href=\"/console/audit\"");
        String editor = page("/console", "EDITOR");
        assertThat(editor).contains("href=\"/console/questions\"", "href=\"/console/answers\"", "href=\"/console/campaigns\"")
                .doesNotContain("href=\"/console/tips\"", "href=\"/console/users\"", "href=\"/console/audit\"");
        String admin = page("/console", "ADMIN");
        assertThat(admin).contains("href=\"/console/questions\"", "href=\"/console/users\"", "href=\"/console/audit\"");
    }

    @Test
    void aMissingRoleIsRefusedAndAudited() throws Exception {
        mvc.perform(get("/console/users").with(user("reviewer7").roles("REVIEWER")))
                .andExpect(status().isForbidden());
        assertThat(audit.day(audit.today(), 10)).anySatisfy(entry -> {
            assertThat(entry.who()).isEqualTo("reviewer7");
            assertThat(entry.action()).isEqualTo(AuditAction.ACCESS_DENIED.name());
            assertThat(entry.target()).isEqualTo("GET /console/users");
        });
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        for (String page : PAGES.keySet()) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("后台登录")));
    }

    @Test
    void formsWithoutCsrfAreRefused() throws Exception {
        RequestPostProcessor admin = user("boss").roles("ADMIN");
        mvc.perform(post("/console/users").with(admin).param("username", "someone").param("password", PASSWORD)
                .param("roles", "EDITOR")).andExpect(status().isForbidden());
        mvc.perform(post("/console/questions/dismiss").with(admin).param("question", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/console/answers/export").with(admin)).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(admin)).andExpect(status().isForbidden());
        assertThat(accounts.find("someone")).isEmpty();

        mvc.perform(post("/console/users").with(admin).with(csrf()).param("username", "someone")
                .param("password", PASSWORD).param("roles", "EDITOR")).andExpect(status().is3xxRedirection());
        assertThat(accounts.find("someone")).isPresent();
    }

    @Test
    void aLoginLastsInRedisAndWorksOnEveryInstance() throws Exception {
        accounts.save("editor1", PASSWORD, Set.of(StaffRole.EDITOR));
        MvcResult login = mvc.perform(formLogin("/login").user("editor1").password(PASSWORD))
                .andExpect(redirectedUrl("/console")).andReturn();
        Cookie cookie = login.getResponse().getCookie("FANGFEI_SESSION");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(login.getResponse().getHeader("Set-Cookie")).contains("SameSite=Lax");

        // A request that carries only the cookie: any instance finds the session in Redis.
        mvc.perform(get("/console/answers").cookie(cookie)).andExpect(status().isOk());
        String id = new String(Base64.getDecoder().decode(cookie.getValue()));
        try (Jedis jedis = redis.getResource()) {
            // Spring Session keeps a session 5 minutes past its 30-minute idle timeout, then Redis drops it.
            String key = "ff:sec:session:sessions:" + id;
            assertThat(jedis.exists(key)).isTrue();
            assertThat(jedis.ttl(key)).isBetween(2000L, 2100L);
        }
        assertThat(sessions.findByPrincipalName("editor1")).containsOnlyKeys(id);
        mvc.perform(get("/console/users").cookie(cookie)).andExpect(status().isForbidden());
    }

    @Test
    void disablingAnAccountEndsItsSessionsAtOnce() throws Exception {
        accounts.save("editor2", PASSWORD, Set.of(StaffRole.EDITOR));
        Cookie cookie = login("editor2", PASSWORD);
        mvc.perform(get("/console/answers").cookie(cookie)).andExpect(status().isOk());

        mvc.perform(post("/console/users/editor2/enabled").with(user("boss").roles("ADMIN")).with(csrf())
                .param("enabled", "false")).andExpect(status().is3xxRedirection());

        mvc.perform(get("/console/answers").cookie(cookie)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(formLogin("/login").user("editor2").password(PASSWORD)).andExpect(redirectedUrl("/login?error=disabled"));
        mvc.perform(formLogin("/login").user("editor2").password("wrong-password-1"))
                .andExpect(redirectedUrl("/login?error=bad"));
    }

    @Test
    void anIdleSessionExpires() throws Exception {
        accounts.save("editor3", PASSWORD, Set.of(StaffRole.EDITOR));
        Cookie cookie = login("editor3", PASSWORD);
        String id = new String(Base64.getDecoder().decode(cookie.getValue()));
        RedisIndexedSessionRepository.RedisSession session = sessions.findById(id);
        session.setLastAccessedTime(Instant.now().minus(Duration.ofMinutes(31)));
        sessions.save(session);
        mvc.perform(get("/console/answers").cookie(cookie)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/login").param("expired", "")).andExpect(content().string(
                containsString("登录已失效")));
    }

    @Test
    void anOutsiderGuessingCannotKeepTheRightPersonOut() throws Exception {
        accounts.save("reviewer1", PASSWORD, Set.of(StaffRole.REVIEWER));
        for (int i = 0; i < 3; i++) {
            mvc.perform(loginFrom("10.6.6.6", "reviewer1", "guess-" + i)).andExpect(redirectedUrl("/login?error=bad"));
        }
        for (int i = 3; i < 20; i++) {
            mvc.perform(loginFrom("10.6.6.6", "reviewer1", "guess-" + i))
                    .andExpect(redirectedUrl("/login?error=locked&wait=2"));
        }
        mvc.perform(loginFrom("10.6.6.6", "reviewer1", PASSWORD)).andExpect(redirectedUrl("/login?error=locked&wait=2"));
        mvc.perform(get("/login").param("error", "locked").param("wait", "2"))
                .andExpect(content().string(containsString("登录失败次数过多,请2秒后再试")));

        mvc.perform(loginFrom("10.7.7.7", "reviewer1", PASSWORD)).andExpect(redirectedUrl("/console"));
    }

    @Test
    void anAdministratorCanLiftTheWaitAtOnce() throws Exception {
        accounts.save("reviewer1", PASSWORD, Set.of(StaffRole.REVIEWER));
        for (int i = 0; i < 4; i++) {
            mvc.perform(loginFrom("10.6.6.6", "reviewer1", "guess-" + i));
        }
        mvc.perform(loginFrom("10.6.6.6", "reviewer1", PASSWORD)).andExpect(redirectedUrl("/login?error=locked&wait=2"));
        mvc.perform(post("/console/users/reviewer1/unlock").with(user("boss").roles("ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(loginFrom("10.6.6.6", "reviewer1", PASSWORD)).andExpect(redirectedUrl("/console"));
    }

    @Test
    void manyAccountsTriedFromOneAddressLockThatAddress() throws Exception {
        accounts.save("editor4", PASSWORD, Set.of(StaffRole.EDITOR));
        for (int i = 0; i < 20; i++) {
            mvc.perform(loginFrom("10.1.2.3", "nobody" + i, "guess"))
                    .andExpect(redirectedUrl("/login?error=bad"));
        }
        mvc.perform(loginFrom("10.1.2.3", "editor4", PASSWORD))
                .andExpect(redirectedUrlPattern("/login?error=locked&wait=9*"));
        mvc.perform(loginFrom("10.9.9.9", "editor4", PASSWORD))
                .andExpect(redirectedUrl("/console"));
    }

    @Test
    void loginsFailuresAndActionsAreAudited() throws Exception {
        accounts.save("admin2", PASSWORD, Set.of(StaffRole.ADMIN));
        mvc.perform(formLogin("/login").user("admin2").password("wrong-password"));
        Cookie cookie = login("admin2", PASSWORD);
        mvc.perform(post("/console/users").cookie(cookie).with(csrf()).param("username", "reviewer9")
                .param("password", PASSWORD).param("roles", "REVIEWER")).andExpect(status().is3xxRedirection());

        List<AuditLog.Entry> entries = audit.day(audit.today(), 20);
        assertThat(entries).extracting(AuditLog.Entry::action).containsSubsequence(
                AuditAction.USER_CREATED.name(), AuditAction.LOGIN.name(), AuditAction.LOGIN_FAILED.name());
        assertThat(entries).filteredOn(entry -> entry.action().equals(AuditAction.LOGIN.name())).singleElement()
                .satisfies(entry -> assertThat(entry.who()).isEqualTo("admin2"));
        assertThat(entries.get(0)).satisfies(entry -> {
            assertThat(entry.who()).isEqualTo("admin2");
            assertThat(entry.target()).isEqualTo("reviewer9");
            assertThat(entry.detail()).isEqualTo("REVIEWER");
            assertThat(entry.address()).isEqualTo("127.0.0.1");
            assertThat(entry.at()).isNotNull();
        });
        mvc.perform(get("/console/audit").cookie(cookie)).andExpect(status().isOk())
                .andExpect(content().string(containsString("新建用户")));
    }

    @Test
    void staffCallsToTheJsonApisAreAuditedToo() throws Exception {
        mvc.perform(post("/api/tips/T-1/status").with(user("reviewer3").roles("REVIEWER")).with(csrf())
                .contentType("application/json").content("{}"));
        mvc.perform(get("/api/tips/pending").with(user("reviewer3").roles("REVIEWER")));
        mvc.perform(get("/api/ask").param("q", "什么是非法集资"));

        List<AuditLog.Entry> entries = audit.day(audit.today(), 10);
        assertThat(entries).extracting(AuditLog.Entry::target)
                .containsExactly("GET /api/tips/pending", "POST /api/tips/T-1/status");
        assertThat(entries).extracting(AuditLog.Entry::action)
                .containsExactly(AuditAction.API_CALL.name(), AuditAction.API_CALL.name());
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.who()).isEqualTo("reviewer3");
            assertThat(entry.detail()).startsWith("HTTP ");
        });
    }

    @Test
    void badUserInputIsRefusedInChineseAndNothingIsSaved() throws Exception {
        RequestPostProcessor admin = user("boss").roles("ADMIN");
        mvc.perform(post("/console/users").with(admin).with(csrf()).param("username", "newbie")
                        .param("password", "short").param("roles", "EDITOR"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("密码至少需要10位")));
        mvc.perform(post("/console/users").with(admin).with(csrf()).param("username", "newbie")
                        .param("password", PASSWORD))
                .andExpect(content().string(containsString("请至少选择一个角色")));
        mvc.perform(post("/console/users").with(admin).with(csrf()).param("username", "newbie")
                        .param("password", PASSWORD).param("roles", "KING"))
                .andExpect(content().string(containsString("没有这个角色")));
        assertThat(accounts.find("newbie")).isEmpty();

        mvc.perform(post("/console/users/boss/enabled").with(admin).with(csrf()).param("enabled", "false"));
        mvc.perform(post("/console/users/nobody/roles").with(admin).with(csrf()).param("roles", "EDITOR"))
                .andExpect(redirectedUrl("/console/users"));
        mvc.perform(post("/console/users/nobody/enabled").with(admin).with(csrf()).param("enabled", "yes-please"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("提交的内容不完整或格式不对")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    private String page(String path, String role) throws Exception {
        return mvc.perform(get(path).with(user("someone").roles(role))).andReturn().getResponse().getContentAsString();
    }

    private Cookie login(String username, String password) throws Exception {
        return mvc.perform(formLogin("/login").user(username).password(password)).andExpect(redirectedUrl("/console"))
                .andReturn().getResponse().getCookie("FANGFEI_SESSION");
    }

    private static MockHttpServletRequestBuilder loginFrom(String address, String username, String password) {
        return post("/login").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }
}
