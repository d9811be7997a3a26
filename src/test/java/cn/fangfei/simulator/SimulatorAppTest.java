package cn.fangfei.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The app as a fresh checkout runs it: no WeChat account and no admin token, so simulator mode is on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fangfei.wechat.app-id=",
        "fangfei.wechat.secret=",
        "fangfei.wechat.token=",
        "fangfei.wechat.aes-key=",
        "fangfei.wechat.api-host=",
        "fangfei.simulator.enabled=auto",
        "fangfei.admin.token=",
        // The tests speak as the TLS proxy in front of the app (X-Forwarded-Proto).
        "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1"})
@ActiveProfiles("test")
public abstract class SimulatorAppTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    protected HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
