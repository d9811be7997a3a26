package cn.fangfei.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import redis.clients.jedis.exceptions.JedisException;

/**
 * Console pages fail as pages: a record that does not exist gets the Chinese 404 page (not the JSON
 * problem detail the APIs answer with, hence ahead of Boot's handler), Redis down a page that says
 * so; never a stack trace.
 */
@ControllerAdvice(basePackageClasses = ConsoleExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ConsoleExceptionHandler.class);

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView status(ResponseStatusException e) {
        HttpStatusCode status = e.getStatusCode();
        String view = status.value() == 404 || status.value() == 403 ? "error/" + status.value() : "error/error";
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("staffSignedIn", true);
        return page;
    }

    /** A hand-made or truncated request (a form field missing or of the wrong kind). */
    @ExceptionHandler({ServletRequestBindingException.class, TypeMismatchException.class})
    ModelAndView badRequest(Exception e) {
        ModelAndView page = new ModelAndView("error/error", HttpStatus.BAD_REQUEST);
        page.addObject("consoleProblem", "提交的内容不完整或格式不对,没有保存任何内容。请返回页面重新填写。");
        page.addObject("staffSignedIn", true);
        return page;
    }

    @ExceptionHandler(JedisException.class)
    ModelAndView redisUnavailable(JedisException e) {
        log.warn("console action failed, Redis unavailable: {}", e.getMessage());
        ModelAndView page = new ModelAndView("error/error", HttpStatus.SERVICE_UNAVAILABLE);
        page.addObject("consoleProblem", "数据服务暂时不可用,刚才的操作没有完成。请稍后再试;如果一直出现,请联系管理员。");
        page.addObject("staffSignedIn", true);
        return page;
    }
}
