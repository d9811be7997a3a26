package cn.fangfei.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import cn.fangfei.simulator.SimulatorAppTest;

/** No fangfei.admin.token: every admin endpoint is off, whatever the caller sends. */
class AdminDisabledTest extends SimulatorAppTest {
    @Test
    void everyAdminCallIsForbidden() throws Exception {
        for (String authorization : new String[] {"Bearer ", "Bearer anything", "Bearer null"}) {
            for (String path : new String[] {"/admin/content/reload", "/admin/wechat/menu"}) {
                int status = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", authorization)
                                .POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                assertThat(status).as(path + " with " + authorization).isEqualTo(403);
            }
        }
    }
}
