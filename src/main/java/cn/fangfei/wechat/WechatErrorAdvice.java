package cn.fangfei.wechat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the WeChat endpoints answer with the status and its reason phrase only: the callers are
 * WeChat and the internet, and neither gets to see exception text or stack traces.
 */
@RestControllerAdvice(basePackageClasses = WechatErrorAdvice.class)
class WechatErrorAdvice {
    private static final Logger log = LoggerFactory.getLogger(WechatErrorAdvice.class);

    @ExceptionHandler(PortalRejection.class)
    ResponseEntity<String> rejected(PortalRejection rejection) {
        return plain(rejection.status());
    }

    /** Spring's own request errors (405, 415, ...) keep their status; anything else is a 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<String> failed(Exception e) {
        if (e instanceof ErrorResponse springError) {
            HttpStatus status = HttpStatus.resolve(springError.getStatusCode().value());
            return plain(status == null ? HttpStatus.BAD_REQUEST : status);
        }
        log.error("WeChat endpoint failed", e);
        return plain(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private static ResponseEntity<String> plain(HttpStatus status) {
        return ResponseEntity.status(status)
                .contentType(MediaType.TEXT_PLAIN)
                .body(status.getReasonPhrase());
    }
}
