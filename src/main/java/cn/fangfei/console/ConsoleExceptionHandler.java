package cn.fangfei.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import redis.clients.jedis.exceptions.JedisException;

/** Redis down during a console action: a page that says so in Chinese, never a stack trace. */
@ControllerAdvice(basePackageClasses = ConsoleExceptionHandler.class)
class ConsoleExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ConsoleExceptionHandler.class);

    @ExceptionHandler(JedisException.class)
    ModelAndView redisUnavailable(JedisException e) {
        log.warn("console action failed, Redis unavailable: {}", e.getMessage());
        ModelAndView page = new ModelAndView("error/error", HttpStatus.SERVICE_UNAVAILABLE);
        page.addObject("consoleProblem", "数据服务暂时不可用,刚才的操作没有完成。请稍后再试;如果一直出现,请联系管理员。");
        page.addObject("staffSignedIn", true);
        return page;
    }
}
