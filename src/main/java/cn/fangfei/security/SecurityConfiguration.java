package cn.fangfei.security;

import java.io.IOException;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may reach what. Residents' endpoints are open; staff APIs and the console need a login with the
 * right role: reviewers the tips, editors the answers, unanswered questions and campaigns, the
 * administrator everything plus users and the audit log. The WeChat callback proves itself by its
 * signature, /admin/** by the operator's bearer token (cn.fangfei.admin), so neither takes part in
 * sessions or CSRF. API callers get 401; console visitors the login page.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
    public static final String LOGIN = "/login";
    /**
     * Scripts only from this app (the console's files and the chart library's webjar). Inline styles are
     * allowed because ECharts writes them into its tooltips; inline scripts are not.
     */
    private static final String CONSOLE_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, UserDetailsService users, PasswordEncoder encoder,
                                            LoginThrottle throttle, AuthenticationEventPublisher events)
            throws Exception {
        // The chain's only authentication manager, without the global one as a parent: a parent would
        // try the password again after the throttle refused it.
        ProviderManager logins = new ProviderManager(new ThrottledAuthenticationProvider(users, encoder, throttle));
        logins.setAuthenticationEventPublisher(events);
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        String reviewer = StaffRole.REVIEWER.name();
        String editor = StaffRole.EDITOR.name();
        String admin = StaffRole.ADMIN.name();
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/tips/**", "/console/tips/**").hasRole(reviewer)
                        .requestMatchers("/api/campaigns/**", "/api/faq/**", "/console/campaigns/**",
                                "/console/questions/**", "/console/answers/**").hasRole(editor)
                        .requestMatchers("/api/staff/**", "/api/audit/**", "/console/users/**", "/console/audit/**")
                        .hasRole(admin)
                        .requestMatchers("/console/**", "/console").authenticated()
                        .requestMatchers("/api/ask").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .authenticationManager(logins)
                .csrf(csrf -> csrf.ignoringRequestMatchers("/wechat/portal", "/admin/**", "/simulator/**"))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                path.matcher("/api/**"))
                        .defaultAuthenticationEntryPointFor(new ConsoleLoginEntryPoint(), path.matcher("/**")))
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
                                new ContentSecurityPolicyHeaderWriter(CONSOLE_POLICY))));
        return http.build();
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
                    : exception instanceof DisabledException ? "disabled" : "bad";
            response.sendRedirect(request.getContextPath() + LOGIN + "?error=" + query);
        }
    }
}
