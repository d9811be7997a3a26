package cn.fangfei.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import cn.fangfei.support.MockMvcApp;
import cn.fangfei.support.RedisTestSupport;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

@MockMvcApp
class SecurityConfigurationTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Pool<Jedis> redis;

    @BeforeEach
    void emptyRedis() {
        RedisTestSupport.flush(redis);
    }

    @Test
    void residentsEndpointsAreOpen() throws Exception {
        mvc.perform(get("/api/ask").param("q", "什么是非法集资")).andExpect(status().isOk());
        mvc.perform(get("/faq/four-features")).andExpect(status().isOk());
    }

    @Test
    void staffApisNeedALoginAndAnswer401() throws Exception {
        mvc.perform(get("/api/tips/pending")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/campaigns/occurrences")).andExpect(status().isUnauthorized());
    }

    @Test
    void rolesAreCheckedAndAdminImpliesTheOthers() throws Exception {
        mvc.perform(get("/api/campaigns/x").with(user("r").roles("REVIEWER"))).andExpect(status().isForbidden());
        mvc.perform(get("/console/users").with(user("e").roles("EDITOR"))).andExpect(status().isForbidden());
        // Not found, rather than forbidden: the role passed and there is no such tip.
        mvc.perform(get("/api/tips/no-such-tip").with(user("a").roles("ADMIN"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/tips/pending").with(user("e").roles("EDITOR"))).andExpect(status().isForbidden());
    }

    @Test
    void postsWithoutCsrfAreRefused() throws Exception {
        mvc.perform(post("/api/tips/claim").with(user("r").roles("REVIEWER"))).andExpect(status().isForbidden());
        // With the token the claim goes through; the queue is empty.
        mvc.perform(post("/api/tips/claim").with(user("r").roles("REVIEWER")).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(post("/tip").param("category", "养老")).andExpect(status().isForbidden());
    }

    @Test
    void accountsAreStoredWithBcryptOnly() {
        accounts.save("reviewer1", "long-enough-password", Set.of(StaffRole.REVIEWER));
        StaffAccount stored = accounts.find("reviewer1").orElseThrow();
        assertThat(stored.passwordHash()).startsWith("$2").doesNotContain("long-enough-password");
        assertThat(encoder.matches("long-enough-password", stored.passwordHash())).isTrue();
        assertThat(stored.roles()).containsExactly(StaffRole.REVIEWER);
    }

    @Test
    void weakInputIsRefusedWithAChineseMessage() {
        assertThatThrownBy(() -> accounts.save("x y", "long-enough-password", Set.of(StaffRole.ADMIN)))
                .hasMessageContaining("用户名");
        assertThatThrownBy(() -> accounts.save("reviewer2", "short", Set.of(StaffRole.ADMIN)))
                .hasMessageContaining("密码");
    }
}
