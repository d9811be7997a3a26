package cn.fangfei.tip;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The tip-off feature's settings (application.yml, "fangfei.tip"; README, "配置").
 *
 * @param dataDir             where the spool of tips awaiting Redis lives (FANGFEI_DATA_DIR)
 * @param maxTextChars        longest text a resident may send in one field or message
 * @param maxFiles            attachments per submission or follow-up
 * @param maxFileSize         largest attachment
 * @param sla                 how long a tip may stay open before the digest calls it overdue
 * @param retention           how long a closed tip is kept before the purge deletes it (ledger counts stay)
 * @param spoolReplayInterval how often tips spooled while Redis was down are tried again
 * @param mailPollInterval    how often the mail outbox is looked at for mail due
 * @param digestCron          when the reviewers' daily digest goes out (Spring cron, office time zone)
 * @param purgeCron           when closed tips past their retention are deleted (Spring cron, office time zone)
 */
@ConfigurationProperties("fangfei.tip")
public record TipProperties(Path dataDir, int maxTextChars, int maxFiles, DataSize maxFileSize, Duration sla,
        Duration retention, Duration spoolReplayInterval, Duration mailPollInterval, String digestCron, String purgeCron,
        RateLimit rateLimit, Queue queue, Mail mail) {

    public TipProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        maxTextChars = maxTextChars <= 0 ? 5000 : maxTextChars;
        maxFiles = maxFiles <= 0 ? 5 : maxFiles;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(5) : maxFileSize;
        sla = sla == null ? Duration.ofDays(3) : sla;
        retention = retention == null ? Duration.ofDays(365) : retention;
        spoolReplayInterval = spoolReplayInterval == null ? Duration.ofSeconds(5) : spoolReplayInterval;
        mailPollInterval = mailPollInterval == null ? Duration.ofSeconds(2) : mailPollInterval;
        digestCron = digestCron == null || digestCron.isBlank() ? "0 0 8 * * *" : digestCron.strip();
        purgeCron = purgeCron == null || purgeCron.isBlank() ? "0 30 3 * * *" : purgeCron.strip();
        rateLimit = rateLimit == null ? new RateLimit(0, null, 0, null, null) : rateLimit;
        queue = queue == null ? new Queue(null, 0) : queue;
        mail = mail == null ? new Mail(null, null, null, null, false, 0, null, null) : mail;
    }

    /**
     * Per-sender limits. A sender is a keyed hash of the openid or IP address, counted only for one window.
     *
     * @param submissions   tips one sender may submit per window (the benchmark raises it)
     * @param failedLookups receipt codes one sender may get wrong per lookup window
     * @param webSender     who a web sender is: the client address the app sees, or nobody when a proxy in
     *                      front keeps addresses from the app and limits per address itself
     */
    public record RateLimit(int submissions, Duration window, int failedLookups, Duration lookupWindow,
            WebSender webSender) {
        public RateLimit {
            submissions = submissions <= 0 ? 5 : submissions;
            window = window == null ? Duration.ofHours(1) : window;
            failedLookups = failedLookups <= 0 ? 10 : failedLookups;
            lookupWindow = lookupWindow == null ? Duration.ofMinutes(15) : lookupWindow;
            webSender = webSender == null ? WebSender.ADDRESS : webSender;
        }
    }

    /**
     * ADDRESS: the app limits each client address (as it sees it: behind a proxy, with
     * SERVER_FORWARD_HEADERS_STRATEGY so that it is the resident's). NONE: the proxy withholds
     * residents' addresses from /tip (deploy/nginx does), so every web sender would look alike and
     * the proxy's per-address limits are the only ones; WeChat senders are still limited.
     */
    public enum WebSender { ADDRESS, NONE }

    /**
     * The review queue.
     *
     * @param claimIdle      a claim untouched this long is handed to the next reviewer who asks (XAUTOCLAIM)
     * @param maxDeliveries  a tip delivered more often than this moves to the dead-letter stream and raises an alert
     */
    public record Queue(Duration claimIdle, int maxDeliveries) {
        public Queue {
            claimIdle = claimIdle == null ? Duration.ofHours(24) : claimIdle;
            maxDeliveries = maxDeliveries <= 0 ? 5 : maxDeliveries;
        }
    }

    /**
     * Who gets which mail. Sending itself is Spring's spring.mail.* (no host: no mail).
     *
     * @param reviewers    new-tip notices and the daily digest
     * @param escalationTo the city office, for high-risk tips
     * @param alertTo      dead-letter alerts; the reviewers when empty
     * @param includeText  whether notices carry the tip text (off: category and number only)
     * @param maxAttempts  sending attempts before a mail is given up (and logged as such)
     * @param firstRetry   delay after the first failure, doubled each time up to {@code maxRetry}
     */
    public record Mail(List<String> reviewers, String escalationTo, List<String> alertTo, String from,
            boolean includeText, int maxAttempts, Duration firstRetry, Duration maxRetry) {
        public Mail {
            reviewers = addresses(reviewers);
            escalationTo = escalationTo == null ? "" : escalationTo.strip();
            alertTo = addresses(alertTo).isEmpty() ? reviewers : addresses(alertTo);
            from = from == null || from.isBlank() ? "fangfei@localhost" : from.strip();
            maxAttempts = maxAttempts <= 0 ? 12 : maxAttempts;
            firstRetry = firstRetry == null ? Duration.ofMinutes(1) : firstRetry;
            maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
        }

        private static List<String> addresses(List<String> list) {
            return list == null ? List.of() : list.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        }
    }
}
