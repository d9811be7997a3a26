package cn.fangfei.security;

/**
 * The Redis keys the security feature owns. Accounts never expire; login failure counters a while after the last
 * failure. Sessions are Spring Session's, under SessionConfiguration.NAMESPACE.
 */
final class SecurityKeys {
    /** Set of every username. */
    static final String USERS = "ff:sec:users";

    private SecurityKeys() {
    }

    /** Hash: hash, roles (comma-separated), enabled. */
    static String user(String username) {
        return "ff:sec:user:" + username;
    }

    /**
     * Hash of one account's recent wrong passwords: total, and per address &lt;address&gt;:count and
     * &lt;address&gt;:until (epoch ms before which that address may not try again). Lives as long as
     * fangfei.security.login-forget-after after the last one.
     */
    static String loginFailuresOfAccount(String username) {
        return "ff:sec:login-failures:account:" + username;
    }

    /** Wrong passwords from one address within the lockout. */
    static String failuresOfAddress(String address) {
        return "ff:sec:login-failures:address:" + address;
    }
}
