package cn.fangfei.campaign.sending;

/**
 * The moments of a send where a crash matters: after a recipient is claimed (before the WeChat call),
 * after the call (before its answer is recorded), and after the answer is recorded. Tests make an
 * instance die or stall here; in production nothing happens.
 */
public interface SendProbe {
    SendProbe NONE = new SendProbe() {
    };

    default void claimed(String recipient) {
    }

    default void called(String recipient) {
    }

    default void settled(String recipient) {
    }
}
