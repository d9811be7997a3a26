package cn.fangfei.home;

import java.io.IOException;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every response says Content-Language: zh-CN, whatever the browser asks for: all pages and replies are
 * Chinese. Views set the language from the LocaleResolver (fixed to zh-CN in HomeConfiguration), pages
 * written directly (FAQ articles, error and login pages) get it here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ChineseContentLanguage extends OncePerRequestFilter {
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setLocale(CHINESE);
        response.setHeader("Content-Language", CHINESE.toLanguageTag());
        chain.doFilter(request, response);
    }
}
