package cn.fangfei.admin;

import java.io.IOException;
import java.security.MessageDigest;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Guards /admin/** with {@code Authorization: Bearer <fangfei.admin.token>}. Without a configured token
 * every admin call is refused, so a forgotten setting never leaves the endpoints open.
 */
class AdminTokenFilter extends OncePerRequestFilter {
    private static final String BEARER = "Bearer ";

    private final AdminProperties properties;

    AdminTokenFilter(AdminProperties properties) {
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!properties.enabled()) {
            refuse(response, HttpStatus.FORBIDDEN);
            return;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(BEARER) || !sameToken(header.substring(BEARER.length()).strip())) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            refuse(response, HttpStatus.UNAUTHORIZED);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Compares digests, so neither the content nor the length of the token leaks through timing. */
    private boolean sameToken(String given) {
        return MessageDigest.isEqual(DigestUtils.sha256(given), DigestUtils.sha256(properties.token()));
    }

    private static void refuse(HttpServletResponse response, HttpStatus status) throws IOException {
        response.setStatus(status.value());
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(status.getReasonPhrase());
    }
}
