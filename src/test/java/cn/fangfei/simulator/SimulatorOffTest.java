package cn.fangfei.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import cn.fangfei.wechat.WechatAppTest;

/** With a WeChat account configured, the simulator does not exist. */
class SimulatorOffTest extends WechatAppTest {
    @Test
    void simulatorUrlsAreNotFound() throws Exception {
        for (String path : new String[] {"/simulator", "/simulator/menu", "/simulator/api/cgi-bin/token"}) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
    }
}
