package cn.fangfei.campaign;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** CampaignProperties for a test: a service account with a template id, quick retries, no approval. */
final class Settings {
    private AccountType accountType = AccountType.SERVICE;
    private String templateId = "TPL_REMINDER";
    private double rate = 10_000;
    private int threads = 4;
    private Set<Channel> approval = EnumSet.noneOf(Channel.class);
    private Duration lease = Duration.ofSeconds(30);
    private int attempts = 3;
    private int sameFailureLimit = 20;
    private List<String> digestTo = List.of();
    private boolean scheduler;
    private String digestFrom = "fangfei@example.gov.cn";

    static Settings service() {
        return new Settings();
    }

    static Settings subscription() {
        Settings settings = new Settings();
        settings.accountType = AccountType.SUBSCRIPTION;
        settings.templateId = "";
        return settings;
    }

    Settings approval(Channel... channels) {
        approval = channels.length == 0 ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(List.of(channels));
        return this;
    }

    Settings threads(int count) {
        threads = count;
        return this;
    }

    Settings rate(double perSecond) {
        rate = perSecond;
        return this;
    }

    Settings lease(Duration duration) {
        lease = duration;
        return this;
    }

    Settings attempts(int count) {
        attempts = count;
        return this;
    }

    Settings sameFailureLimit(int count) {
        sameFailureLimit = count;
        return this;
    }

    Settings digestTo(String... addresses) {
        digestTo = List.of(addresses);
        return this;
    }

    Settings digestFrom(String address) {
        digestFrom = address;
        return this;
    }

    Settings scheduler(boolean enabled) {
        scheduler = enabled;
        return this;
    }

    Settings noTemplate() {
        templateId = "";
        return this;
    }

    CampaignProperties build() {
        return new CampaignProperties(accountType, templateId, rate, threads, approval, scheduler, lease, Duration.ofHours(24),
                attempts, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMinutes(5), sameFailureLimit,
                new CampaignProperties.Digest(digestTo, digestFrom, null, null));
    }
}
