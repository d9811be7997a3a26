package cn.fangfei.simulator;

import java.util.Map;

import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Just enough of WeChat's HTTP API for simulator mode: an access token, customer-service messages
 * (kept for the page) and menu creation. Any other call gets WeChat's "api unauthorized".
 */
@RestController
@RequestMapping(FakeWechatApi.BASE)
@Conditional(OnSimulatorMode.class)
class FakeWechatApi {
    static final String BASE = "/simulator/api";

    private static final Map<String, Object> OK = Map.of("errcode", 0, "errmsg", "ok");

    private final CustomerServiceInbox inbox;
    private final JsonMapper json;

    FakeWechatApi(CustomerServiceInbox inbox, JsonMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    @GetMapping("/cgi-bin/token")
    Map<String, Object> token() {
        return Map.of("access_token", "simulator-access-token", "expires_in", 7200);
    }

    /** WxJava posts JSON without always saying so, hence the body is read as text. */
    @PostMapping("/cgi-bin/message/custom/send")
    Map<String, Object> customerServiceMessage(@RequestBody String body) {
        JsonNode message = json.readTree(body);
        String text = message.path("msgtype").asString("").equals("text")
                ? message.path("text").path("content").asString("")
                : "[" + message.path("msgtype").asString("") + " 消息]";
        inbox.add(message.path("touser").asString(""), text);
        return OK;
    }

    @PostMapping("/cgi-bin/menu/create")
    Map<String, Object> menuCreate() {
        return OK;
    }

    @RequestMapping("/**")
    Map<String, Object> unsupported() {
        return Map.of("errcode", 48001, "errmsg", "api unauthorized (not in the simulator)");
    }
}
