package cn.fangfei.wechat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The server address configured in WeChat's admin console. Content types are set on the response
 * rather than negotiated, so that whatever Accept header WeChat sends never turns into a 406.
 */
@RestController
@RequestMapping("/wechat/portal")
class PortalController {
    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
    private static final MediaType XML = new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8);

    private final WechatPortal portal;

    PortalController(WechatPortal portal) {
        this.portal = portal;
    }

    /** Missing parameters are a failed signature (403), like wrong ones. */
    @GetMapping
    ResponseEntity<String> verify(@RequestParam(required = false) String signature,
            @RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
            @RequestParam(required = false) String echostr) {
        String body = portal.verify(new PortalRequest(signature, timestamp, nonce, null, null, null), echostr);
        return ResponseEntity.ok().contentType(TEXT).body(body);
    }

    @PostMapping
    ResponseEntity<String> receive(HttpServletRequest request) throws IOException {
        String body = portal.receive(PortalRequest.fromQuery(request.getQueryString()),
                request.getContentLengthLong(), request.getInputStream());
        return ResponseEntity.ok().contentType(XML).body(body);
    }
}
