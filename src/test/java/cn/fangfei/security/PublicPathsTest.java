package cn.fangfei.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.fangfei.support.MockMvcApp;

/**
 * The security configuration denies by default: this lists every page a stranger may open, each of
 * which still works and creates no session, and shows that any other path is not served to strangers.
 */
@MockMvcApp
class PublicPathsTest {
    @Autowired
    MockMvc mvc;

    /** Each public path, as a stranger calls it, and the status it answers. */
    static Map<MockHttpServletRequestBuilder, Integer> publicPages() {
        Map<MockHttpServletRequestBuilder, Integer> pages = new LinkedHashMap<>();
        pages.put(get("/"), 200);
        pages.put(get("/api/ask").param("q", "什么是非法集资"), 200);
        pages.put(get("/faq/four-features"), 200);
        pages.put(get("/tip"), 200);
        pages.put(get("/tip/status"), 200);
        pages.put(get("/login"), 200);
        pages.put(get("/login?logout"), 200);
        pages.put(get("/login?error=locked&wait=2"), 200);
        pages.put(get("/simulator"), 200);
        pages.put(get("/assets/console.css"), 200);
        pages.put(get("/webjars/echarts/dist/echarts.min.js"), 200);
        pages.put(get("/actuator/health"), 200);
        pages.put(get("/actuator/health/liveness"), 200);
        pages.put(get("/actuator/health/readiness"), 200);
        // Open to the network, guarded by their own checks: no signature; no operator token configured.
        pages.put(get("/wechat/portal"), 403);
        pages.put(post("/admin/content/reload"), 403);
        return pages;
    }

    @Test
    void everyPublicPageWorksForAStrangerWithoutASession() throws Exception {
        for (Map.Entry<MockHttpServletRequestBuilder, Integer> page : publicPages().entrySet()) {
            MvcResult result = mvc.perform(page.getKey()).andReturn();
            String path = result.getRequest().getRequestURI();
            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(page.getValue());
            assertThat(result.getRequest().getSession(false)).as("session made by " + path).isNull();
        }
    }

    @Test
    void aPathNotListedIsNotServedToStrangers() throws Exception {
        for (String path : List.of("/nothing-here", "/tip/nothing", "/console/nothing", "/faq")) {
            MvcResult result = mvc.perform(get(path)).andReturn();
            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(302);
            assertThat(result.getResponse().getRedirectedUrl()).as(path).isEqualTo("/login");
            if (!path.startsWith("/console")) {
                assertThat(result.getRequest().getSession(false)).as("only console pages are remembered for after the login")
                        .isNull();
            }
        }
        for (String path : List.of("/api/nothing", "/api/faq/x", "/api/staff/x", "/api/audit/x", "/actuator/env",
                "/actuator/prometheus")) {
            assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).as(path).isEqualTo(401);
        }
    }

    @Test
    void aLoggedInStaffMemberLearnsThatAnUnknownPathDoesNotExist() throws Exception {
        assertThat(mvc.perform(get("/nothing-here").with(user("r").roles("REVIEWER"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }
}
