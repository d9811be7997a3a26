package cn.fangfei.tip;

/** Neither Redis nor the local spool could take a tip: the resident is told it was not submitted. */
public class TipUnavailableException extends RuntimeException {
    public TipUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
