package cn.fangfei.security;

/** FANGFEI_ADMIN_PASSWORD cannot become a password; reported as one line by AdminPasswordFailureAnalyzer. */
class AdminPasswordRejectedException extends RuntimeException {
    AdminPasswordRejectedException(String message) {
        super(message);
    }
}
