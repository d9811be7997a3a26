package cn.fangfei.simulator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.fangfei.wechat.menu.MenuButton;
import cn.fangfei.wechat.menu.WechatMenu;
import jakarta.servlet.http.HttpServletRequest;

/** The chat page and the few calls it makes. */
@RestController
@RequestMapping("/simulator")
@Conditional(OnSimulatorMode.class)
class SimulatorController {
    private static final Resource PAGE = new ClassPathResource("simulator/index.html");

    private final SimulatedWechat wechat;
    private final WechatMenu menu;
    private final CustomerServiceInbox inbox;

    SimulatorController(SimulatedWechat wechat, WechatMenu menu, CustomerServiceInbox inbox) {
        this.wechat = wechat;
        this.menu = menu;
        this.inbox = inbox;
    }

    @GetMapping
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(PAGE);
    }

    @GetMapping("/menu")
    List<MenuButton> menu() {
        return menu.buttons();
    }

    /** Goes out over HTTP to this same server, on the address and port the page reached it by. */
    @PostMapping("/send")
    SimulatorReply send(@RequestBody SimulatedMessage message, HttpServletRequest request) {
        String host = request.getLocalAddr().contains(":") ? "[" + request.getLocalAddr() + "]" : request.getLocalAddr();
        URI portal = URI.create("http://" + host + ":" + request.getLocalPort() + request.getContextPath() + "/wechat/portal");
        return wechat.deliver(message, portal);
    }

    /** Customer-service messages sent to this resident since the last call. */
    @GetMapping("/messages")
    List<String> messages(@RequestParam String openid) {
        return inbox.take(openid);
    }
}
