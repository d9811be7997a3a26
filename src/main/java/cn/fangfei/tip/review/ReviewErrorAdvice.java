package cn.fangfei.tip.review;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.fangfei.content.Replies;
import cn.fangfei.tip.TipConflictException;
import cn.fangfei.tip.TipInputException;
import cn.fangfei.tip.TipNotFoundException;

/**
 * Office staff get a Chinese sentence they can act on, as {"message": ...}; never an exception's
 * details. Ordered ahead of Spring's problem-details handler, which would answer unreadable bodies first.
 */
@RestControllerAdvice(assignableTypes = TipReviewApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReviewErrorAdvice {
    private final Replies replies;

    ReviewErrorAdvice(Replies replies) {
        this.replies = replies;
    }

    @ExceptionHandler(TipNotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(TipNotFoundException e) {
        return message(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(TipConflictException.class)
    ResponseEntity<Map<String, String>> conflict(TipConflictException e) {
        return message(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(TipInputException.class)
    ResponseEntity<Map<String, String>> input(TipInputException e) {
        return message(HttpStatus.BAD_REQUEST, replies.text(e.replyKey(), e.values()));
    }

    @ExceptionHandler(BadReviewRequest.class)
    ResponseEntity<Map<String, String>> badRequest(BadReviewRequest e) {
        return message(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return message(HttpStatus.BAD_REQUEST, "请求内容应为 JSON,例如 {\"status\": \"核查中\", \"note\": \"\"}");
    }

    private static ResponseEntity<Map<String, String>> message(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}
