package cn.fangfei.campaign.sending;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import cn.fangfei.campaign.calendar.CalendarContent;
import cn.fangfei.campaign.calendar.Campaign;
import cn.fangfei.campaign.calendar.CampaignCalendar;
import cn.fangfei.campaign.calendar.CampaignsCommand;
import cn.fangfei.campaign.calendar.Occurrence;
import cn.fangfei.campaign.calendar.PlannedSend;
import cn.fangfei.campaign.calendar.Reminder;
import cn.fangfei.redis.OncePerPeriod;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * Once a week (Monday 08:00 by default) the office gets an email listing the campaigns of the next four
 * weeks with their reminders and what still needs approval, so that every activity is prepared in
 * advance (活动前有准备). One instance sends it: the week is claimed in Redis first.
 */
@Component
public class WeeklyDigest {
    private static final Logger log = LoggerFactory.getLogger(WeeklyDigest.class);
    private static final int WEEKS = 4;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final CampaignCalendar calendar;
    private final SendLog sendLog;
    private final ReminderMessages messages;
    private final CampaignProperties properties;
    private final ObjectProvider<JavaMailSender> mail;
    private final OncePerPeriod weekly;
    private final Clock clock;

    public WeeklyDigest(CampaignCalendar calendar, SendLog sendLog, ReminderMessages messages, CampaignProperties properties,
            ObjectProvider<JavaMailSender> mail, Pool<Jedis> redis, Clock clock) {
        this.calendar = calendar;
        this.sendLog = sendLog;
        this.messages = messages;
        this.properties = properties;
        this.mail = mail;
        this.weekly = new OncePerPeriod(redis);
        this.clock = clock;
    }

    /** Sends this week's digest if it is time and no instance sent it yet; true if this call sent it. */
    public boolean sendIfDue() {
        Optional<JavaMailSender> sender = sender();
        if (sender.isEmpty()) {
            return false;
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        LocalDate weekStart = now.toLocalDate().with(TemporalAdjusters.previousOrSame(properties.digest().day()));
        if (now.isBefore(weekStart.atTime(properties.digest().time()).atZone(clock.getZone()))) {
            return false;
        }
        String claim = SendingKeys.digestClaim(weekStart);
        if (!weekly.claim(claim, SendingKeys.DIGEST_CLAIM_TTL)) {
            return false;
        }
        LocalDate from = now.toLocalDate();
        SimpleMailMessage email = new SimpleMailMessage();
        email.setTo(properties.digest().to().toArray(String[]::new));
        email.setFrom(sender(sender.get()));
        email.setSubject("防非宣传提醒:未来四周安排(" + ReminderMessages.chinese(from) + "起)");
        email.setText(body(from, from.plusWeeks(WEEKS)));
        try {
            sender.get().send(email);
        } catch (MailException e) {
            weekly.giveBack(claim);
            log.warn("weekly campaign digest not sent, will try again: {}", e.getClass().getSimpleName());
            return false;
        }
        log.info("weekly campaign digest sent to {} addresses", properties.digest().to().size());
        return true;
    }

    /** The plain-text email: each occurrence overlapping [from, to), its reminders and their state. */
    String body(LocalDate from, LocalDate to) {
        CalendarContent content = calendar.content();
        List<Occurrence> occurrences = calendar.occurrences(from.minusDays(62), to.plusDays(62)).stream()
                .filter(o -> !o.end().isBefore(from) && o.start().isBefore(to)
                        || o.campaign().reminders().stream().anyMatch(r -> reminderIn(o, r, from, to)))
                .toList();
        StringBuilder out = new StringBuilder();
        out.append("未来四周(").append(from).append(" 至 ").append(to.minusDays(1)).append(")的防非宣传活动和提醒如下,")
                .append("请提前做好准备。需要审批的提醒,请在后台先试算人数、发预览到自己的微信,确认后再审批。\n");
        if (occurrences.isEmpty()) {
            out.append("\n这四周没有安排宣传活动。\n");
        }
        for (Occurrence occurrence : occurrences) {
            Campaign campaign = occurrence.campaign();
            out.append("\n■ ").append(campaign.title()).append("  ").append(ReminderMessages.chinese(occurrence.day()))
                    .append(" ").append(CampaignsCommand.weekday(occurrence.day()));
            if (occurrence.lunar() != null) {
                out.append("(").append(occurrence.lunar()).append(")");
            }
            if (!occurrence.start().equals(occurrence.end())) {
                out.append(",活动期 ").append(ReminderMessages.chinese(occurrence.start())).append("至")
                        .append(ReminderMessages.chinese(occurrence.end()));
            }
            out.append("\n  对象:").append(CampaignsCommand.audience(campaign, content)).append('\n');
            for (Reminder reminder : campaign.reminders()) {
                PlannedSend send = PlannedSend.of(occurrence, reminder, clock.getZone());
                out.append("  · ").append(ReminderMessages.chinese(send.dueAt().toLocalDate())).append(' ')
                        .append(CampaignsCommand.weekday(send.dueAt().toLocalDate())).append(' ')
                        .append(TIME.format(send.dueAt())).append(" ").append(reminder.describe()).append(",")
                        .append(state(send)).append('\n');
            }
        }
        out.append("\n—— 防非助手自动发送,请勿直接回复。\n");
        return out.toString();
    }

    private String state(PlannedSend send) {
        SendRecord record = sendLog.read(send.id());
        Optional<RenderedMessage> message = messages.render(send);
        if (message.isEmpty()) {
            return "没有可用的发送渠道,请检查配置";
        }
        String channel = message.get().channel().label();
        if (record.status() == SendStatus.PLANNED || record.status() == SendStatus.AWAITING_APPROVAL) {
            if (!properties.needsApproval(message.get().channel())) {
                return channel + ",到时自动发送";
            }
            return message.get().hash().equals(record.approvedHash())
                    ? channel + ",已审批(" + record.approvedBy() + ")"
                    : channel + ",需要审批,尚未审批";
        }
        return channel + "," + record.status().label();
    }

    private boolean reminderIn(Occurrence occurrence, Reminder reminder, LocalDate from, LocalDate to) {
        LocalDate due = occurrence.anchor(reminder.anchor()).plusDays(reminder.offsetDays());
        return !due.isBefore(from) && due.isBefore(to);
    }

    /** The configured address; else the SMTP login, which many servers insist on; else the first recipient. */
    private String sender(JavaMailSender mailSender) {
        if (!properties.digest().from().isEmpty()) {
            return properties.digest().from();
        }
        if (mailSender instanceof JavaMailSenderImpl impl && impl.getUsername() != null && !impl.getUsername().isBlank()) {
            return impl.getUsername();
        }
        return properties.digest().to().get(0);
    }

    /** The mail sender, when the office configured both a mail server (SPRING_MAIL_HOST) and recipients. */
    private Optional<JavaMailSender> sender() {
        if (properties.digest().to().isEmpty()) {
            return Optional.empty();
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || sender instanceof JavaMailSenderImpl impl && (impl.getHost() == null || impl.getHost().isBlank())) {
            return Optional.empty();
        }
        return Optional.of(sender);
    }
}
