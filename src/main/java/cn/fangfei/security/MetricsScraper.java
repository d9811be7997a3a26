package cn.fangfei.security;

import java.security.MessageDigest;
import java.util.List;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Prometheus, recognised by the token it sends as its HTTP basic password (user "prometheus"). The
 * metrics show how many tips arrive and how old the oldest pending one is, in real time, so they are
 * not for strangers. Compared in constant time; no token configured means nobody gets in.
 */
final class MetricsScraper implements AuthenticationProvider {
    static final String ROLE = "METRICS";
    static final String USERNAME = "prometheus";

    private final boolean configured;
    private final byte[] tokenDigest;

    MetricsScraper(String token) {
        this.configured = !token.isEmpty();
        // Digests compare in constant time whatever the lengths.
        this.tokenDigest = DigestUtils.sha256(token);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        byte[] offered = DigestUtils.sha256(String.valueOf(authentication.getCredentials()));
        if (!configured || !USERNAME.equals(authentication.getName()) || !MessageDigest.isEqual(tokenDigest, offered)) {
            throw new BadCredentialsException("not the metrics scraper");
        }
        return UsernamePasswordAuthenticationToken.authenticated(USERNAME, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
