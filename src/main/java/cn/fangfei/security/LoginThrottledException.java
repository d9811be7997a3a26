package cn.fangfei.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many wrong passwords for this account from this address, or from this address; the password was not checked. */
public class LoginThrottledException extends AuthenticationException {
    private final transient Duration wait;

    public LoginThrottledException(Duration wait) {
        super("too many failed logins");
        this.wait = wait;
    }

    /** How long until the next try is checked, in whole seconds rounded up. */
    public long waitSeconds() {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
