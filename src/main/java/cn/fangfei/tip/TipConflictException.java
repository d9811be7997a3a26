package cn.fangfei.tip;

/** A reviewer's action that the tip's state does not allow, with a message for office staff. */
public class TipConflictException extends RuntimeException {
    public TipConflictException(String message) {
        super(message);
    }
}
