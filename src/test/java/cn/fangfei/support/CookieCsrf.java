package cn.fangfei.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A valid CSRF token for a MockMvc request, carried as a browser carries it: the app's own token cookie
 * plus the masked token as the form field. Use it instead of Spring Security's {@code csrf()} in a
 * context that also serves real HTTP: {@code csrf()} swaps the shared CSRF filter's repository for a
 * session-based one for the rest of the context's life, so that afterwards every resident page opened
 * over HTTP in that context gets a session and no CSRF cookie (TipBadInputTest.residentPagesSetNoSessionCookie).
 */
public final class CookieCsrf {
    private CookieCsrf() {
    }

    public static RequestPostProcessor cookieCsrf() {
        return request -> {
            CsrfTokenRepository tokens = WebTestUtils.getCsrfTokenRepository(request);
            if (!(tokens instanceof CookieCsrfTokenRepository)) {
                throw new AssertionError("the app's CSRF tokens are kept by " + tokens.getClass().getName()
                        + ", not in a cookie: a test in this context used csrf(), which replaces the app's repository");
            }
            MockHttpServletResponse response = new MockHttpServletResponse();
            CsrfToken token = tokens.generateToken(request);
            tokens.saveToken(token, request, response);
            List<Cookie> cookies = new ArrayList<>(request.getCookies() == null ? List.of() : Arrays.asList(request.getCookies()));
            cookies.addAll(Arrays.asList(response.getCookies()));
            request.setCookies(cookies.toArray(Cookie[]::new));
            // The form carries the token masked (BREACH protection), as the app's own pages render it.
            WebTestUtils.getCsrfTokenRequestHandler(request).handle(request, response, () -> token);
            CsrfToken masked = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            request.addParameter(masked.getParameterName(), masked.getToken());
            return request;
        };
    }
}
