package cn.fangfei.admin;

import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.fangfei.content.ContentReloader;

/** Lets an editor apply content changes now instead of waiting for the next automatic check. */
@RestController
class ContentAdminController {
    private final ContentReloader reloader;

    ContentAdminController(ContentReloader reloader) {
        this.reloader = reloader;
    }

    /** One line per content part: "name: ok" or the problem with its file and line. */
    @PostMapping("/admin/content/reload")
    List<String> reload() {
        return reloader.reloadAll();
    }
}
