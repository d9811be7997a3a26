package cn.fangfei.tip.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import cn.fangfei.content.Replies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Decides about a multipart body before anything reads it (Spring Security's CSRF check would be the
 * first, and it parses the whole body): only the tip form and the follow-up upload take one; an upload
 * that announces more bytes than the form allows is refused; and only a few are parsed at a time, the
 * others are told to try again at once instead of queueing. Every refusal is a short Chinese page and
 * closes the connection, so the body is never read.
 */
class MultipartGate extends OncePerRequestFilter {
    /** The paths whose forms have a file input. */
    static final Set<String> UPLOAD_PATHS = Set.of("/tip", "/tip/status/add");

    private final long maxRequestBytes;
    private final int concurrentUploads;
    private final Semaphore parsing;
    private final Duration queueWait;
    private final Replies replies;
    private final Map<String, String> limits;

    MultipartGate(long maxRequestBytes, int concurrentUploads, Duration queueWait, Replies replies,
                  Map<String, String> limits) {
        this.maxRequestBytes = maxRequestBytes;
        this.concurrentUploads = concurrentUploads;
        this.parsing = new Semaphore(concurrentUploads);
        this.queueWait = queueWait;
        this.replies = replies;
        this.limits = Map.copyOf(limits);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isMultipart(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!"POST".equals(request.getMethod()) || !UPLOAD_PATHS.contains(pathOf(request))) {
            refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "提交方式不对", replies.text("upload-not-here"));
            return;
        }
        if (request.getContentLengthLong() > maxRequestBytes) {
            refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "上传内容太大", replies.text("tip-upload-too-large", limits));
            return;
        }
        if (!acquire()) {
            response.setHeader("Retry-After", "10");
            refuse(response, HttpStatus.SERVICE_UNAVAILABLE, "请稍后再试", replies.text("tip-upload-busy"));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            parsing.release();
        }
    }

    /** How many uploads are being read now. */
    int uploadsParsing() {
        return concurrentUploads - parsing.availablePermits();
    }

    private boolean acquire() {
        try {
            return parsing.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static void refuse(HttpServletResponse response, HttpStatus status, String title, String message)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Connection", "close");
        response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" + title + "</title></head>"
                + "<body style=\"font-family:sans-serif;padding:1em;font-size:18px\"><p>" + HtmlUtils.htmlEscape(message)
                + "</p><p>请用浏览器或微信的“返回”回到上一页。</p></body></html>");
    }
}
