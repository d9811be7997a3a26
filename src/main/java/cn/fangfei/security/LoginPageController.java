package cn.fangfei.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's login form (Spring Security processes the POST), with what happened last time in words. */
@Controller
class LoginPageController {
    @GetMapping(SecurityConfiguration.LOGIN)
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                 @RequestParam(required = false) String expired, @RequestParam(defaultValue = "0") long wait,
                 Model model) {
        if (error != null) {
            model.addAttribute("problem", switch (error) {
                case "locked" -> "登录失败次数过多,请" + inWords(wait) + "后再试;如急需登录,请联系管理员解除限制";
                case "disabled" -> "该账号已停用,请联系管理员";
                case "unavailable" -> "登录服务暂时不可用,请稍后再试;如果一直出现,请联系管理员";
                default -> "用户名或密码不正确";
            });
        } else if (logout != null) {
            model.addAttribute("info", "您已安全退出");
        } else if (expired != null) {
            model.addAttribute("info", "长时间未操作,登录已失效,请重新登录");
        }
        return "login";
    }

    /** The wait rounded up to what a person reads at a glance. */
    private static String inWords(long seconds) {
        if (seconds <= 0) {
            return "稍后";
        }
        if (seconds < 60) {
            return seconds + "秒";
        }
        long minutes = (seconds + 59) / 60;
        return minutes % 60 == 0 ? (minutes / 60) + "小时" : minutes + "分钟";
    }
}
