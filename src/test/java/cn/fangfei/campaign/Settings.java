package cn.fangfei.campaign;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.fangfei.campaign.calendar.Channel;
import cn.fangfei.campaign.sending.AccountType;
import cn.fangfei.campaign.sending.CampaignProperties;

/** CampaignProperties for a test: a service account with a template id, quick retries, no approval. */
public final class Settings {
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

    public static Settings service() {
        return new Settings();
    }

    public static Settings subscription() {
        Settings settings = new Settings();
        settings.accountType = AccountType.SUBSCRIPTION;
        settings.templateId = "";
        return settings;
    }

    public Settings approval(Channel... channels) {
        approval = channels.length == 0 ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(List.of(channels));
        return this;
    }

    public Settings threads(int count) {
        threads = count;
        return this;
    }

    public Settings rate(double perSecond) {
        rate = perSecond;
        return this;
    }

    Settings lease(Duration duration) {
        lease = duration;
        return this;
    }

    public Settings attempts(int count) {
        attempts = count;
        return this;
    }

    public Settings sameFailureLimit(int count) {
        sameFailureLimit = count;
        return this;
    }

    public Settings digestTo(String... addresses) {
        digestTo = List.of(addresses);
        return this;
    }

    public Settings digestFrom(String address) {
        digestFrom = address;
        return this;
    }

    public Settings scheduler(boolean enabled) {
        scheduler = enabled;
        return this;
    }

    public Settings noTemplate() {
        templateId = "";
        return this;
    }

    public CampaignProperties build() {
        return new CampaignProperties(accountType, templateId, rate, threads, approval, scheduler, null, lease, Duration.ofHours(24),
                attempts, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMinutes(5), sameFailureLimit,
                new CampaignProperties.Digest(digestTo, digestFrom, null, null, null));
    }
}
