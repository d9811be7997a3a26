package cn.fangfei.wechat.menu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.yaml.snakeyaml.Yaml;

import cn.fangfei.wechat.FakeWechatServer;
import cn.fangfei.wechat.WechatAppTest;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.json.JsonMapper;

class MenuAdminControllerTest extends WechatAppTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void pushesContentMenuToWechatsMenuCreate() throws Exception {
        HttpResponse<String> response = push();

        assertThat(response.statusCode()).isEqualTo(200);
        JSONAssert.assertEquals("{\"ok\":true}", response.body(), JSONCompareMode.LENIENT);
        RecordedRequest request = FakeWechatServer.nextCallTo("/cgi-bin/menu/create");
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().queryParameter("access_token")).isNotBlank();
        JSONAssert.assertEquals(expectedMenuJson(), request.getBody().string(StandardCharsets.UTF_8),
                JSONCompareMode.STRICT);
    }

    @Test
    void wechatRefusingTheMenuIsABadGateway() throws Exception {
        FakeWechatServer.answer("/cgi-bin/menu/create", "{\"errcode\":40018,\"errmsg\":\"invalid button name size\"}");

        HttpResponse<String> response = push();

        assertThat(response.statusCode()).isEqualTo(502);
        JSONAssert.assertEquals("{\"ok\":false,\"errcode\":40018}", response.body(), JSONCompareMode.LENIENT);
        assertThat(response.body()).contains("errmsg");
    }

    @Test
    void theMenuPushNeedsTheAdminToken() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/wechat/menu"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> push() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/wechat/menu"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** WeChat's menu JSON, written independently from content/menu.yml. */
    @SuppressWarnings("unchecked")
    private static String expectedMenuJson() throws IOException {
        Map<String, Object> yaml;
        try (Reader reader = Files.newBufferedReader(Path.of("content/menu.yml"))) {
            yaml = new Yaml().load(reader);
        }
        List<Object> buttons = new ArrayList<>();
        for (Map<String, Object> top : (List<Map<String, Object>>) yaml.get("buttons")) {
            Map<String, Object> button = wechatButton(top);
            if (top.containsKey("sub")) {
                List<Object> sub = new ArrayList<>();
                for (Map<String, Object> item : (List<Map<String, Object>>) top.get("sub")) {
                    sub.add(wechatButton(item));
                }
                button.put("sub_button", sub);
            }
            buttons.add(button);
        }
        return JsonMapper.builder().build().writeValueAsString(Map.of("button", buttons));
    }

    private static Map<String, Object> wechatButton(Map<String, Object> yaml) {
        Map<String, Object> button = new LinkedHashMap<>();
        button.put("name", yaml.get("name"));
        for (String field : List.of("type", "key", "url")) {
            if (yaml.containsKey(field)) {
                button.put(field, yaml.get(field));
            }
        }
        return button;
    }
}
