package cn.fangfei.security;

import org.springframework.stereotype.Component;

/** Ends a staff member's sessions on every instance, when what they may do changes. */
@Component
public class StaffSessions {
    private final RedisSessionRepository sessions;

    StaffSessions(RedisSessionRepository sessions) {
        this.sessions = sessions;
    }

    /** Returns how many sessions were ended. */
    public int endAllOf(String username) {
        return sessions.deleteByPrincipalName(username);
    }
}
