package cn.fangfei.tip.web;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import cn.fangfei.content.Replies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a tip-off upload that announces more bytes than the form allows, with a Chinese page, before
 * anything reads the body. Without it Spring Security's CSRF check would read the multipart body
 * first, fail on its size and answer a bare 403. (The page also checks sizes before sending.)
 */
class UploadLimitFilter extends OncePerRequestFilter {
    private final long maxRequestBytes;
    private final Replies replies;
    private final Map<String, String> limits;

    UploadLimitFilter(long maxRequestBytes, Replies replies, Map<String, String> limits) {
        this.maxRequestBytes = maxRequestBytes;
        this.replies = replies;
        this.limits = Map.copyOf(limits);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && request.getContentLengthLong() > maxRequestBytes) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Connection", "close");
            response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>上传内容太大</title></head>"
                    + "<body style=\"font-family:sans-serif;padding:1em;font-size:18px\"><p>"
                    + HtmlUtils.htmlEscape(replies.text("tip-upload-too-large", limits))
                    + "</p><p><a href=\"javascript:history.back()\">返回修改</a></p></body></html>");
            return;
        }
        chain.doFilter(request, response);
    }
}
