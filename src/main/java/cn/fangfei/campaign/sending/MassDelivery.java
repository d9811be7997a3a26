package cn.fangfei.campaign.sending;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import me.chanjar.weixin.common.error.WxErrorException;

/**
 * A mass send by tag: one batch per send, claimed in Redis together with one mass send of the
 * account's quota (subscription account: one a day; service account: four a month, counted per
 * account, which never lets any resident get more than four), then sent with a clientmsgid derived
 * from the send, so that resending after a crash is refused by WeChat (45065) instead of delivered twice.
 */
final class MassDelivery {
    private final WechatTagMirror mirror;
    private final CampaignWechat wechat;
    private final CampaignProperties properties;
    private final Retrier retrier;
    private final SendProbe probe;
    private final Clock clock;

    MassDelivery(WechatTagMirror mirror, CampaignWechat wechat, CampaignProperties properties, Retrier retrier,
            SendProbe probe, Clock clock) {
        this.mirror = mirror;
        this.wechat = wechat;
        this.properties = properties;
        this.retrier = retrier;
        this.probe = probe;
        this.clock = clock;
    }

    static String batch(RenderedMessage message) {
        return "mass:" + (message.audience().isEmpty() ? WechatTagMirror.ALL : message.audience().get(0));
    }

    void deliver(SendRun run) {
        String batch = batch(run.message);
        String state = run.progress.state(batch);
        if (state != null && !SendProgress.isClaim(state)) {
            return;
        }
        WechatOutcome syncFailure = mirror.sync(retrier, run::stopping);
        if (syncFailure != null) {
            stopFor(run, syncFailure, "同步微信用户标签失败:");
            return;
        }
        long tagId;
        try {
            tagId = mirror.tagId(batch.substring("mass:".length()));
        } catch (WxErrorException e) {
            stopFor(run, WechatErrors.classify(e), "取微信用户标签失败:");
            return;
        }
        String claim = run.progress.claimValue(clock.millis());
        long claimed = state == null ? claimWithQuota(run, batch, claim) : run.progress.reclaim(batch, state, claim);
        if (claimed == SendProgress.FENCED) {
            run.stop(SendRun.Stop.Kind.LOCK_LOST, "发送权已被其他实例接管");
            return;
        }
        if (claimed == SendProgress.QUOTA_USED) {
            run.stop(SendRun.Stop.Kind.STOP, properties.accountType() == AccountType.SUBSCRIPTION
                    ? "订阅号每天只能群发1次,今天的群发次数已用完" : "服务号每月最多群发4次,本月的群发次数已用完");
            return;
        }
        if (claimed == 0) {
            return;
        }
        probe.claimed(batch);
        String clientMsgId = CampaignWechat.clientMsgId(run.id(), batch);
        WechatOutcome outcome = retrier.call(() -> wechat.massToTag(tagId, run.message.text(), clientMsgId), true, run::stopping);
        probe.called(batch);
        if (outcome.delivered()) {
            settle(run, batch, claim, "s:" + outcome.detail(), "sent");
            probe.settled(batch);
            return;
        }
        if (run.progress.release(batch, claim) == SendProgress.FENCED) {
            run.stop(SendRun.Stop.Kind.LOCK_LOST, "发送权已被其他实例接管");
            return;
        }
        stopFor(run, outcome, "群发失败:");
    }

    private long claimWithQuota(SendRun run, String batch, String claim) {
        LocalDate today = LocalDate.now(clock);
        return properties.accountType() == AccountType.SUBSCRIPTION
                ? run.progress.claimMass(batch, claim, SendingKeys.dailyMassCount(today), 1, SendingKeys.DAILY_QUOTA_TTL.toMillis())
                : run.progress.claimMass(batch, claim, SendingKeys.monthlyMassCount(YearMonth.from(today)), 4,
                        SendingKeys.MONTHLY_QUOTA_TTL.toMillis());
    }

    private static void settle(SendRun run, String batch, String claim, String state, String counter) {
        if (run.progress.settle(batch, claim, state, counter) == SendProgress.FENCED) {
            run.stop(SendRun.Stop.Kind.LOCK_LOST, "发送权已被其他实例接管");
        }
    }

    /** A mass send has one batch: anything but success ends the run, paused when worth retrying later. */
    private static void stopFor(SendRun run, WechatOutcome outcome, String prefix) {
        boolean later = outcome.kind() == WechatOutcome.Kind.TRANSIENT || outcome.kind() == WechatOutcome.Kind.UNCERTAIN;
        run.stop(later ? SendRun.Stop.Kind.PAUSE : SendRun.Stop.Kind.STOP, prefix + outcome.describe());
    }
}
