package cn.fangfei.security;

import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/** Published when a login is refused by {@link LoginThrottle}, so that the audit log can tell it apart. */
public class LoginThrottledEvent extends AbstractAuthenticationFailureEvent {
    public LoginThrottledEvent(Authentication authentication, AuthenticationException exception) {
        super(authentication, exception);
    }
}
