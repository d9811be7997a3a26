package cn.fangfei.wechat.menu;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.fangfei.content.ContentException;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;

/** Behind the admin token (see cn.fangfei.admin). */
@RestController
class MenuAdminController {
    private static final Logger log = LoggerFactory.getLogger(MenuAdminController.class);

    private final MenuPublisher publisher;

    MenuAdminController(MenuPublisher publisher) {
        this.publisher = publisher;
    }

    @PostMapping("/admin/wechat/menu")
    ResponseEntity<Map<String, Object>> push() {
        try {
            int buttons = publisher.publish();
            log.info("menu pushed to WeChat ({} top-level buttons)", buttons);
            return ResponseEntity.ok(Map.of("ok", true, "buttons", buttons));
        } catch (ContentException e) {
            return ResponseEntity.unprocessableContent().body(Map.of("ok", false, "problem", e.getMessage()));
        } catch (WxErrorException e) {
            WxError error = e.getError();
            log.warn("WeChat refused the menu: {} {}", error.getErrorCode(), error.getErrorMsg());
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of(
                    "ok", false, "errcode", error.getErrorCode(), "errmsg", String.valueOf(error.getErrorMsg())));
        }
    }
}
