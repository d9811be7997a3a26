package cn.fangfei.security;

/** What an office staff member may do. ADMIN includes the other two. */
public enum StaffRole {
    /** Reviews tip-offs. */
    REVIEWER,
    /** Edits answers, handles unanswered questions, runs campaigns. */
    EDITOR,
    /** Manages users and settings. */
    ADMIN
}
