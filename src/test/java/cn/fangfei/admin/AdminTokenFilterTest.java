package cn.fangfei.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import cn.fangfei.wechat.WechatAppTest;

class AdminTokenFilterTest extends WechatAppTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theRightBearerTokenIsLetThrough() throws Exception {
        HttpResponse<String> response = post("/admin/content/reload", "Bearer " + ADMIN_TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"replies: ok\"", "\"menu: ok\"");
    }

    @Test
    void aMissingOrWrongTokenIsUnauthorized() throws Exception {
        assertThat(post("/admin/content/reload", null).statusCode()).isEqualTo(401);
        assertThat(post("/admin/content/reload", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(post("/admin/content/reload", "Bearer " + ADMIN_TOKEN + "x").statusCode()).isEqualTo(401);
        assertThat(post("/admin/content/reload", ADMIN_TOKEN).statusCode()).isEqualTo(401);
        assertThat(post("/admin/wechat/menu", "Basic " + ADMIN_TOKEN).statusCode()).isEqualTo(401);
        assertThat(post("/admin/no-such-endpoint", null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> post(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
