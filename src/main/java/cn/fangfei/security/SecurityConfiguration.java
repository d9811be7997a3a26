package cn.fangfei.security;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may reach what. Residents' endpoints are open; staff APIs and the console need a login with the
 * right role. The WeChat callback proves itself by its signature, /admin/** by the operator's bearer
 * token (cn.fangfei.admin), so neither takes part in sessions or CSRF. API callers get 401, not the
 * login page.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/tips/**").hasRole(StaffRole.REVIEWER.name())
                        .requestMatchers("/api/campaigns/**", "/api/faq/**").hasRole(StaffRole.EDITOR.name())
                        .requestMatchers("/api/staff/**", "/api/audit/**").hasRole(StaffRole.ADMIN.name())
                        .requestMatchers("/console/**").authenticated()
                        .requestMatchers("/api/ask").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/wechat/portal", "/admin/**", "/simulator/**"))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
                .formLogin(login -> login.defaultSuccessUrl("/console", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
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
}
