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

import cn.fangfei.crypto.SealedValueException;
import cn.fangfei.tip.TipNotFoundException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Console pages fail as pages: a record that does not exist gets the Chinese 404 page (not the JSON
 * problem detail the APIs answer with, hence ahead of Boot's handler), Redis down a page that says
 * so; never a stack trace.
 */
@ControllerAdvice(annotations = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ConsoleExceptionHandler.class);

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView status(ResponseStatusException e) {
        return page(e.getStatusCode(), null);
    }

    @ExceptionHandler(TipNotFoundException.class)
    ModelAndView noSuchTip(TipNotFoundException e) {
        return page(HttpStatus.NOT_FOUND, null);
    }

    /** A tip whose text cannot be opened (a retired key no longer configured): said plainly, logged for the operator. */
    @ExceptionHandler(SealedValueException.class)
    ModelAndView unreadableTip(SealedValueException e) {
        log.error("a tip could not be decrypted: {}", e.getMessage());
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "这条线索的内容无法解密(可能缺少旧密钥 FANGFEI_DATA_OLD_KEYS),请联系管理员。");
    }

    /** A hand-made or truncated request (a form field missing or of the wrong kind). */
    @ExceptionHandler({ServletRequestBindingException.class, TypeMismatchException.class})
    ModelAndView badRequest(Exception e) {
        return page(HttpStatus.BAD_REQUEST, null);
    }

    @ExceptionHandler(JedisException.class)
    ModelAndView redisUnavailable(JedisException e) {
        log.warn("console action failed, Redis unavailable: {}", e.getMessage());
        return page(HttpStatus.SERVICE_UNAVAILABLE, "数据服务暂时不可用,刚才的操作没有完成。请稍后再试;如果一直出现,请联系管理员。");
    }

    private static ModelAndView page(HttpStatusCode status, String problem) {
        ModelAndView page = new ModelAndView("console/error", status);
        page.addObject("status", status.value());
        if (problem != null) {
            page.addObject("consoleProblem", problem);
        }
        return page;
    }
}
