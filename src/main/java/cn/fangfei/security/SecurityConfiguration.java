package cn.fangfei.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import cn.fangfei.config.SiteProperties;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may reach what. The paths in {@link #PUBLIC_PATHS} are open; everything else needs a login with
 * the right role: reviewers the tips, editors the answers, unanswered questions and campaigns, the
 * administrator everything plus users and the audit log. The WeChat callback proves itself by its
 * signature, /admin/** by the operator's bearer token (cn.fangfei.admin), so neither takes part in
 * sessions or CSRF; /actuator/prometheus takes the scraper's token (HTTP basic). API callers get 401;
 * console visitors the login page. No resident page creates a session: the CSRF token is a cookie.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
    public static final String LOGIN = "/login";
    static final String METRICS = "/actuator/prometheus";
    static final String CSRF_COOKIE = "FANGFEI_CSRF";
    /**
     * Scripts only from this app (the console's files and the chart library's webjar). Inline styles are
     * allowed because ECharts writes them into its tooltips; inline scripts are not.
     */
    private static final String CONSOLE_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /**
     * Residents' pages (tip form, status, FAQ articles): scripts only from our own files, nothing from
     * elsewhere, forms only to us. Inline styles stay allowed; they cannot run code.
     */
    private static final String RESIDENT_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * Everything a visitor without a login may open; every other path needs one (issue 11: deny by
     * default). An unlisted path is therefore never served to strangers: /api/** answers 401, the rest
     * sends to the login page, and only a logged-in staff member learns that it does not exist (404).
     */
    static final String[] PUBLIC_PATHS = {
            // Residents: the start page (HomeController), FAQ answers and articles, the tip form and its follow-up (TipFormController, TipStatusController).
            "/", "/api/ask", "/faq/*", "/tip", "/tip/expired", "/tip/status", "/tip/status/add",
            // WeChat proves itself by its signature, the operator's endpoints by their bearer token (cn.fangfei.admin).
            "/wechat/portal", "/admin/**",
            // The chat simulator; it exists only in simulator mode (no real account).
            "/simulator", "/simulator/**",
            // The login page with whatever it reports (?error, ?logout, ?expired), its styles and the
            // console's scripts, error pages, and probes (UP/DOWN only).
            LOGIN, "/assets/**", "/webjars/**", "/error", "/actuator/health", "/actuator/health/**"};

    @Bean
    @Order(1)
    SecurityFilterChain metricsFilterChain(HttpSecurity http, SecurityProperties properties) throws Exception {
        http.securityMatcher(METRICS)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(MetricsScraper.ROLE))
                .authenticationManager(new ProviderManager(new MetricsScraper(properties.metricsToken())))
                .httpBasic(basic -> basic.realmName("fangfei metrics"))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, UserDetailsService users, PasswordEncoder encoder,
                                            LoginThrottle throttle, AuthenticationEventPublisher events,
                                            SiteProperties site) throws Exception {
        // The chain's only authentication manager, without the global one as a parent: a parent would
        // try the password again after the throttle refused it.
        ProviderManager logins = new ProviderManager(new ThrottledAuthenticationProvider(users, encoder, throttle));
        logins.setAuthenticationEventPublisher(events);
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        String reviewer = StaffRole.REVIEWER.name();
        String editor = StaffRole.EDITOR.name();
        String admin = StaffRole.ADMIN.name();
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers("/api/tips/**", "/console/tips/**").hasRole(reviewer)
                        .requestMatchers("/api/campaigns/**", "/console/campaigns/**", "/console/questions/**",
                                "/console/answers/**").hasRole(editor)
                        .requestMatchers("/console/users/**", "/console/audit/**").hasRole(admin)
                        .anyRequest().authenticated())
                .authenticationManager(logins)
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfCookies(site))
                        .ignoringRequestMatchers("/wechat/portal", "/admin/**", "/simulator/**"))
                .requestCache(cache -> cache.requestCache(consoleOnlyRequestCache(path)))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/actuator/**")))
                        .defaultAuthenticationEntryPointFor(new ConsoleLoginEntryPoint(), path.matcher("/**"))
                        .accessDeniedHandler(tipFormKeptOnExpiredToken(path)))
                .formLogin(login -> login
                        .loginPage(LOGIN)
                        .defaultSuccessUrl("/console", false)
                        .failureHandler(new LoginFailureRedirect())
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl(LOGIN + "?logout"))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new OrRequestMatcher(path.matcher("/console/**"), path.matcher("/console"),
                                        path.matcher(LOGIN)),
                                new ContentSecurityPolicyHeaderWriter(CONSOLE_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new OrRequestMatcher(path.matcher("/tip"), path.matcher("/tip/**"), path.matcher("/faq/*")),
                                new ContentSecurityPolicyHeaderWriter(RESIDENT_POLICY))));
        return http.build();
    }

    /**
     * The CSRF token lives in a cookie (HttpOnly, SameSite=Lax, Secure over TLS) and is repeated in each
     * form, so no page needs a server session for it: a resident opening the tip form stores nothing.
     */
    private static CookieCsrfTokenRepository csrfCookies(SiteProperties site) {
        CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();
        cookies.setCookieName(CSRF_COOKIE);
        cookies.setCookieCustomizer(cookie -> {
            cookie.sameSite("Lax");
            if (site.publicUrl().startsWith("https://")) {
                cookie.secure(true);
            }
        });
        return cookies;
    }

    /**
     * Only a console page is remembered for after the login; remembering any other path a stranger
     * opens would give each of them a session in Redis.
     */
    private static HttpSessionRequestCache consoleOnlyRequestCache(PathPatternRequestMatcher.Builder path) {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new OrRequestMatcher(path.matcher(HttpMethod.GET, "/console"),
                path.matcher(HttpMethod.GET, "/console/**")));
        return cache;
    }

    /**
     * A tip form sent with a stale or missing token (the page stayed open for days, cookies were
     * cleared) is shown again with what the resident typed and a fresh token, instead of being lost.
     */
    private static AccessDeniedHandler tipFormKeptOnExpiredToken(PathPatternRequestMatcher.Builder path) {
        AccessDeniedHandlerImpl keepForm = new AccessDeniedHandlerImpl();
        keepForm.setErrorPage("/tip/expired");
        LinkedHashMap<RequestMatcher, AccessDeniedHandler> handlers = new LinkedHashMap<>();
        handlers.put(path.matcher(HttpMethod.POST, "/tip"), new CsrfOnly(keepForm));
        return new RequestMatcherDelegatingAccessDeniedHandler(handlers, new AccessDeniedHandlerImpl());
    }

    /** Applies {@code onCsrf} to CSRF failures only; other refusals get the usual 403. */
    private record CsrfOnly(AccessDeniedHandler onCsrf) implements AccessDeniedHandler {
        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response,
                           AccessDeniedException denied) throws IOException, ServletException {
            if (denied instanceof CsrfException) {
                onCsrf.handle(request, response, denied);
            } else {
                new AccessDeniedHandlerImpl().handle(request, response, denied);
            }
        }
    }

    /** Logins and their failures as application events, for the audit log; throttled ones as their own kind. */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setAdditionalExceptionMappings(Map.of(LoginThrottledException.class, LoginThrottledEvent.class));
        return publisher;
    }

    /** Refused requests as application events, so that the audit log sees staff reaching beyond their role. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    /** An administrator may do everything a reviewer or an editor may. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(StaffRole.ADMIN.name()).implies(StaffRole.REVIEWER.name(), StaffRole.EDITOR.name())
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Sends to the login page, saying so when the visitor's session has just expired. */
    private static final class ConsoleLoginEntryPoint extends LoginUrlAuthenticationEntryPoint {
        ConsoleLoginEntryPoint() {
            super(LOGIN);
        }

        @Override
        protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
                                                         AuthenticationException exception) {
            boolean expired = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
            return expired ? LOGIN + "?expired" : LOGIN;
        }
    }

    /** The login page shows a message by kind of failure, never the exception itself. */
    private static final class LoginFailureRedirect implements AuthenticationFailureHandler {
        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                            AuthenticationException exception) throws IOException {
            String query = exception instanceof LoginThrottledException throttled
                    ? "locked&wait=" + throttled.waitSeconds()
                    : exception instanceof DisabledException ? "disabled"
                    : exception instanceof AuthenticationServiceException ? "unavailable" : "bad";
            response.sendRedirect(request.getContextPath() + LOGIN + "?error=" + query);
        }
    }
}
