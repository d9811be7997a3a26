package cn.fangfei.console;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Any console address no page answers: the console's 404 page (see ConsoleExceptionHandler) rather
 * than the static-resource handler's JSON. More specific mappings always win over this one.
 */
@Controller
@ConsolePage
class ConsoleNotFound {
    @RequestMapping("/console/**")
    void notFound() {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
