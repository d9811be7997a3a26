package cn.fangfei.security;

import java.util.Map;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends a staff member's sessions on every instance, when what they may do changes. */
@Component
public class StaffSessions {
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    StaffSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Returns how many sessions were ended. */
    public int endAllOf(String username) {
        Map<String, ? extends Session> found = sessions.findByPrincipalName(username);
        found.keySet().forEach(sessions::deleteById);
        return found.size();
    }
}
