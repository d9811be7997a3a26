package cn.fangfei.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import cn.fangfei.wechat.WechatAppTest;

/**
 * With a real account the start page is about the office, through the real server: Tomcat writes the
 * Content-Language of the view's locale, so this also shows that the browser's language does not win.
 */
class OfficeHomePageTest extends WechatAppTest {
    @Test
    void showsTheOfficeTheTipFormAndTheArticlesButNoSimulatorOrConsole() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                        .header("Accept-Language", "en-US,en;q=0.9").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Content-Language")).containsExactly("zh-CN");
        String page = response.body();
        assertThat(page).contains("<h1>镇处非办</h1>", "href=\"/tip\"", "href=\"/faq/four-features\"");
        assertThat(page).doesNotContain("/simulator", "/console", "one-time password");
    }
}
