package cn.fangfei.tip.web;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.fangfei.tip.TipProperties;
import jakarta.servlet.http.HttpServletRequest;

/** Who sent a web request, for the rate limiter only: the client address, or nobody (see {@link TipProperties.WebSender}). */
@Component
class WebSenders {
    private final TipProperties.WebSender mode;

    WebSenders(TipProperties properties) {
        this.mode = properties.rateLimit().webSender();
    }

    Optional<String> of(HttpServletRequest request) {
        return mode == TipProperties.WebSender.ADDRESS ? Optional.of("web:" + request.getRemoteAddr()) : Optional.empty();
    }
}
