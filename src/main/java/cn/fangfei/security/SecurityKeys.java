package cn.fangfei.security;

/** The Redis keys the security feature owns. Accounts never expire. */
final class SecurityKeys {
    /** Set of every username. */
    static final String USERS = "ff:sec:users";

    private SecurityKeys() {
    }

    /** Hash: hash, roles (comma-separated), enabled. */
    static String user(String username) {
        return "ff:sec:user:" + username;
    }
}
