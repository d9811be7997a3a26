package cn.fangfei.home;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.fangfei.config.RunMode;
import cn.fangfei.content.OfficeContacts;
import cn.fangfei.faq.AnswerEngine;

/**
 * The start page. On a laptop (simulator mode) it leads a newcomer to the simulator, the tip form and the
 * console; in production residents who open the bare address see the office, the tip form and the articles.
 */
@Controller
class HomeController {
    private final RunMode runMode;
    private final OfficeContacts office;
    private final AnswerEngine engine;

    HomeController(RunMode runMode, OfficeContacts office, AnswerEngine engine) {
        this.runMode = runMode;
        this.office = office;
        this.engine = engine;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("officeName", office.name());
        if (runMode.simulator()) {
            return "home/local";
        }
        model.addAttribute("contact", office.contact());
        model.addAttribute("topics", engine.topics());
        return "home/office";
    }
}
