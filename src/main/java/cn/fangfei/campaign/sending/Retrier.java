package cn.fangfei.campaign.sending;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Tries a WeChat call again after transient errors, waiting longer each time (fangfei.campaign.retry-*). */
final class Retrier {
    private final CampaignProperties properties;

    Retrier(CampaignProperties properties) {
        this.properties = properties;
    }

    /**
     * @param repeatUncertain also try again when no answer came back: only for calls WeChat de-duplicates
     *                        by an idempotency key (template client_msg_id, mass clientmsgid)
     * @param giveUp          checked between tries: the run was stopped (lock lost, shutdown)
     */
    WechatOutcome call(Supplier<WechatOutcome> call, boolean repeatUncertain, BooleanSupplier giveUp) {
        for (int attempt = 1; ; attempt++) {
            WechatOutcome outcome = call.get();
            boolean again = outcome.kind() == WechatOutcome.Kind.TRANSIENT
                    || repeatUncertain && outcome.kind() == WechatOutcome.Kind.UNCERTAIN;
            if (!again || attempt >= properties.retryAttempts() || giveUp.getAsBoolean()) {
                return outcome;
            }
            try {
                Thread.sleep(properties.backoff(attempt).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return outcome;
            }
        }
    }
}
