package cn.fangfei.security;

import org.springframework.security.core.AuthenticationException;

/** Too many wrong passwords for this account or from this address; the password was not checked. */
public class LoginThrottledException extends AuthenticationException {
    public LoginThrottledException() {
        super("too many failed logins");
    }
}
