package cn.fangfei.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.fangfei.support.MockMvcApp;

/** The start page at / (issue 11, first run) and the language every page declares. */
class HomePageTest {
    @Nested
    @MockMvcApp
    class OnALaptop {
        @Autowired
        MockMvc mvc;

        @Test
        void linksTheSimulatorTheTipFormAndTheConsole() throws Exception {
            MvcResult result = mvc.perform(get("/")).andReturn();
            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            String page = result.getResponse().getContentAsString();
            assertThat(page).contains("本地试用", "href=\"/simulator\"", "href=\"/tip\"", "href=\"/console\"");
            assertThat(result.getRequest().getSession(false)).isNull();
        }

        @Test
        void everyPageSaysItIsChineseWhateverTheBrowserAsksFor() throws Exception {
            for (String path : List.of("/", "/tip", "/tip/status", "/faq/four-features", "/login", "/simulator")) {
                MvcResult result = mvc.perform(get(path).header("Accept-Language", "en-US,en;q=0.9")).andReturn();
                assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
                assertThat(result.getResponse().getContentType()).as(path).startsWith("text/html");
                assertThat(result.getResponse().getHeader("Content-Language")).as(path).isEqualTo("zh-CN");
            }
        }
    }
}
