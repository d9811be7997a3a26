package cn.fangfei.campaign.sending;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.fangfei.campaign.calendar.Channel;

/**
 * How reminders are sent (fangfei.campaign.*; the README lists the environment variables).
 *
 * @param accountType         subscription or service account: decides the channels and the mass quota
 * @param templateId          the template message id for the template channel; empty switches that channel off
 * @param sendRate            messages per second to WeChat, across all threads (template and customer-service)
 * @param sendThreads         API calls in flight at once; also the most recipients a crash can leave unconfirmed
 * @param approvalRequired    channels whose sends wait for an editor's approval; empty means none
 * @param schedulerEnabled    false stops this instance from sending (tests, or a read-only instance)
 * @param tick                how often this instance looks for reminders due; also the wait after start-up
 *                            before it first looks, and before it first checks for the weekly digest
 * @param lockLease           how long the sender role outlives a holder that stopped renewing it
 * @param sendWindow          a reminder not finished this long after its time is given up (a late reminder misleads)
 * @param retryAttempts       tries of one call on a transient WeChat error before the run pauses
 * @param retryBackoff        the first wait between tries; it doubles up to retryBackoffMax
 * @param retryBackoffMax     the longest wait between tries
 * @param pauseAfterTransient a run paused by transient errors resumes after this
 * @param sameFailureLimit    this many recipients failing in a row with the same error stops the run
 * @param digest              the weekly email to the office
 */
@ConfigurationProperties("fangfei.campaign")
public record CampaignProperties(AccountType accountType, String templateId, double sendRate, int sendThreads,
        Set<Channel> approvalRequired, Boolean schedulerEnabled, Duration tick, Duration lockLease, Duration sendWindow,
        int retryAttempts, Duration retryBackoff, Duration retryBackoffMax, Duration pauseAfterTransient,
        int sameFailureLimit, Digest digest) {

    public CampaignProperties {
        accountType = accountType == null ? AccountType.SUBSCRIPTION : accountType;
        templateId = templateId == null ? "" : templateId.strip();
        sendRate = sendRate <= 0 ? 20 : sendRate;
        sendThreads = sendThreads <= 0 ? 4 : sendThreads;
        approvalRequired = approvalRequired == null ? EnumSet.of(Channel.MASS) : Set.copyOf(approvalRequired);
        schedulerEnabled = schedulerEnabled == null || schedulerEnabled;
        tick = positiveOr(tick, Duration.ofSeconds(30));
        lockLease = positiveOr(lockLease, Duration.ofSeconds(30));
        sendWindow = positiveOr(sendWindow, Duration.ofHours(24));
        retryAttempts = retryAttempts <= 0 ? 5 : retryAttempts;
        retryBackoff = positiveOr(retryBackoff, Duration.ofSeconds(2));
        retryBackoffMax = positiveOr(retryBackoffMax, Duration.ofMinutes(1));
        pauseAfterTransient = positiveOr(pauseAfterTransient, Duration.ofMinutes(5));
        sameFailureLimit = sameFailureLimit <= 0 ? 20 : sameFailureLimit;
        digest = digest == null ? new Digest(null, null, null, null, null) : digest;
    }

    /**
     * @param to    office addresses; empty switches the email off
     * @param from  the sender address; empty uses the SMTP username, else the first recipient
     * @param day   the day of the week it goes out
     * @param time  the time of day it goes out (office time zone)
     * @param check how often an instance looks whether it is due
     */
    public record Digest(List<String> to, String from, DayOfWeek day, LocalTime time, Duration check) {
        public Digest {
            to = to == null ? List.of() : to.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            from = from == null ? "" : from.strip();
            day = day == null ? DayOfWeek.MONDAY : day;
            time = time == null ? LocalTime.of(8, 0) : time;
            check = positiveOr(check, Duration.ofMinutes(5));
        }
    }

    public boolean templateConfigured() {
        return !templateId.isEmpty();
    }

    public boolean needsApproval(Channel channel) {
        return approvalRequired.contains(channel);
    }

    /** The wait before try {@code attempt + 1}, doubling from retryBackoff. */
    public Duration backoff(int attempt) {
        Duration wait = retryBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(retryBackoffMax) > 0 ? retryBackoffMax : wait;
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}
