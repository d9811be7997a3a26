package cn.fangfei.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A rejected FANGFEI_ADMIN_PASSWORD stops the start with its reason instead of a stack trace. */
class AdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<AdminPasswordRejectedException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AdminPasswordRejectedException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set FANGFEI_ADMIN_PASSWORD to 10 or more characters, or leave it empty.", cause);
    }
}
