package cn.fangfei.campaign.sending;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.fangfei.campaign.subscription.Subscribers;

/**
 * Spring scheduling drives the campaign work on every instance; what is due is decided by the
 * injected Clock inside, and the sender lock makes only one instance send.
 */
@Component
class CampaignScheduler {
    private static final Logger log = LoggerFactory.getLogger(CampaignScheduler.class);

    private final CampaignProperties properties;
    private final CampaignSender sender;
    private final Subscribers subscribers;
    private final WeeklyDigest digest;

    CampaignScheduler(CampaignProperties properties, CampaignSender sender, Subscribers subscribers, WeeklyDigest digest) {
        this.properties = properties;
        this.sender = sender;
        this.subscribers = subscribers;
        this.digest = digest;
    }

    @Scheduled(initialDelayString = "#{@'fangfei.campaign-cn.fangfei.campaign.sending.CampaignProperties'.tick()}",
            fixedDelayString = "#{@'fangfei.campaign-cn.fangfei.campaign.sending.CampaignProperties'.tick()}")
    void sendDue() {
        if (!properties.schedulerEnabled()) {
            return;
        }
        try {
            subscribers.trimInactive();
            sender.runDue();
        } catch (RuntimeException e) {
            log.error("campaign sending failed, the next tick resumes it", e);
        }
    }

    @Scheduled(initialDelayString = "#{@'fangfei.campaign-cn.fangfei.campaign.sending.CampaignProperties'.tick()}",
            fixedDelayString = "#{@'fangfei.campaign-cn.fangfei.campaign.sending.CampaignProperties'.digest().check()}")
    void weeklyDigest() {
        if (!properties.schedulerEnabled()) {
            return;
        }
        try {
            digest.sendIfDue();
        } catch (RuntimeException e) {
            log.error("weekly campaign digest failed, the next check tries again", e);
        }
    }
}
