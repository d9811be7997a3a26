package cn.fangfei.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.fangfei.campaign.calendar.CalendarContent;
import cn.fangfei.campaign.calendar.Campaign;
import cn.fangfei.campaign.calendar.CampaignCalendar;
import cn.fangfei.campaign.calendar.CampaignsCommand;
import cn.fangfei.campaign.calendar.Channel;
import cn.fangfei.campaign.calendar.Occurrence;
import cn.fangfei.campaign.calendar.PlannedSend;
import cn.fangfei.campaign.calendar.Reminder;
import cn.fangfei.campaign.sending.AccountType;
import cn.fangfei.campaign.sending.CampaignProperties;
import cn.fangfei.campaign.sending.ReminderMessages;
import cn.fangfei.campaign.sending.RenderedMessage;
import cn.fangfei.campaign.sending.SendLog;
import cn.fangfei.campaign.sending.SendRecord;

/**
 * The calendar as the office reads it: every occurrence of the coming twelve months with its
 * Gregorian (and lunar) date and its reminders, each with the channel it would use, its state in the
 * send log, and a warning where the plan asks more mass sends of WeChat than it allows.
 */
@Service
public class CampaignOverview {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    public record OccurrenceView(String campaign, String title, String rule, LocalDate date, LocalDate start, LocalDate end,
            String lunar, String audience, List<ReminderView> reminders) {
    }

    public record ReminderView(String send, String at, String when, String channel, String channelLabel,
            boolean approvalRequired, String status, String statusLabel, String approvedBy, String approvedAt,
            long recipients, long sent, long failed, long unknown, String stopReason, List<String> warnings) {
    }

    private final CampaignCalendar calendar;
    private final ReminderMessages messages;
    private final SendLog sendLog;
    private final CampaignProperties properties;
    private final Clock clock;

    public CampaignOverview(CampaignCalendar calendar, ReminderMessages messages, SendLog sendLog,
            CampaignProperties properties, Clock clock) {
        this.calendar = calendar;
        this.messages = messages;
        this.sendLog = sendLog;
        this.properties = properties;
        this.clock = clock;
    }

    public List<OccurrenceView> nextTwelveMonths(LocalDate from) {
        ZoneId zone = clock.getZone();
        List<Occurrence> occurrences = calendar.occurrences(from, from.plusMonths(12));
        List<PlannedSend> sends = new ArrayList<>();
        occurrences.forEach(o -> o.campaign().reminders().forEach(r -> sends.add(PlannedSend.of(o, r, zone))));
        Map<String, SendRecord> records = new HashMap<>();
        sendLog.read(sends.stream().map(PlannedSend::id).toList()).forEach(r -> records.put(r.sendId(), r));
        Map<String, Optional<Channel>> channels = new HashMap<>();
        sends.forEach(s -> channels.put(s.id(), messages.channel(s)));
        Map<String, List<String>> warnings = massQuotaWarnings(sends, channels);

        CalendarContent content = calendar.content();
        List<OccurrenceView> out = new ArrayList<>();
        for (Occurrence occurrence : occurrences) {
            List<ReminderView> reminders = new ArrayList<>();
            for (Reminder reminder : occurrence.campaign().reminders()) {
                PlannedSend send = PlannedSend.of(occurrence, reminder, zone);
                Optional<Channel> channel = channels.get(send.id());
                SendRecord record = records.get(send.id());
                List<String> notes = new ArrayList<>(warnings.getOrDefault(send.id(), List.of()));
                if (channel.isEmpty()) {
                    notes.add(messages.noChannelReason(send));
                }
                reminders.add(new ReminderView(send.id(), ISO.format(send.dueAt()), reminder.describe(),
                        channel.map(Channel::id).orElse(null), channel.map(Channel::label).orElse(null),
                        channel.map(properties::needsApproval).orElse(false), record.status().id(), record.status().label(),
                        record.approvedBy(), record.approvedAt() == null ? null : record.approvedAt().toString(),
                        record.recipients(), record.sent(), record.failed(), record.unknown(), record.stopReason(), notes));
            }
            Campaign campaign = occurrence.campaign();
            out.add(new OccurrenceView(campaign.id(), campaign.title(), campaign.rule().describe(), occurrence.day(),
                    occurrence.start(), occurrence.end(), occurrence.lunar(), CampaignsCommand.audience(campaign, content),
                    reminders));
        }
        return out;
    }

    /** The send log of one send with its events, for the console. */
    public Map<String, Object> detail(PlannedSend send) {
        SendRecord record = sendLog.read(send.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("send", send.id());
        body.put("campaign", send.campaign().id());
        body.put("title", send.campaign().title());
        body.put("plannedAt", ISO.format(send.dueAt()));
        body.put("status", record.status().id());
        body.put("statusLabel", record.status().label());
        body.put("channel", record.channel());
        body.put("approvedBy", record.approvedBy());
        body.put("approvedAt", record.approvedAt() == null ? null : record.approvedAt().toString());
        body.put("startedAt", record.startedAt() == null ? null : record.startedAt().toString());
        body.put("finishedAt", record.finishedAt() == null ? null : record.finishedAt().toString());
        body.put("recipients", record.recipients());
        body.put("sent", record.sent());
        body.put("failed", record.failed());
        body.put("unknown", record.unknown());
        body.put("stopReason", record.stopReason());
        body.put("text", record.message() == null ? messages.render(send).map(RenderedMessage::text).orElse(null)
                : record.message().text());
        body.put("events", sendLog.events(send.id()));
        return body;
    }

    /** The send logs of [from, to), newest plans last: the office's record of what went out. */
    public List<Map<String, Object>> history(LocalDate from, LocalDate to) {
        ZoneId zone = clock.getZone();
        List<Map<String, Object>> out = new ArrayList<>();
        for (SendRecord record : sendLog.read(sendLog.idsDueBetween(from.atStartOfDay(zone).toInstant(),
                to.atStartOfDay(zone).toInstant()))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("send", record.sendId());
            row.put("title", record.title());
            row.put("plannedAt", record.dueAt() == null ? null : ISO.format(record.dueAt().atZone(zone)));
            row.put("status", record.status().id());
            row.put("statusLabel", record.status().label());
            row.put("channel", record.channel());
            row.put("approvedBy", record.approvedBy());
            row.put("startedAt", record.startedAt() == null ? null : record.startedAt().toString());
            row.put("finishedAt", record.finishedAt() == null ? null : record.finishedAt().toString());
            row.put("recipients", record.recipients());
            row.put("sent", record.sent());
            row.put("failed", record.failed());
            row.put("unknown", record.unknown());
            row.put("stopReason", record.stopReason());
            out.add(row);
        }
        return out;
    }

    private Map<String, List<String>> massQuotaWarnings(List<PlannedSend> sends, Map<String, Optional<Channel>> channels) {
        Map<Object, List<PlannedSend>> byPeriod = new HashMap<>();
        for (PlannedSend send : sends) {
            if (channels.get(send.id()).orElse(null) == Channel.MASS) {
                Object period = properties.accountType() == AccountType.SUBSCRIPTION
                        ? send.dueAt().toLocalDate() : YearMonth.from(send.dueAt());
                byPeriod.computeIfAbsent(period, p -> new ArrayList<>()).add(send);
            }
        }
        int limit = properties.accountType() == AccountType.SUBSCRIPTION ? 1 : 4;
        String text = properties.accountType() == AccountType.SUBSCRIPTION
                ? "同一天安排了%d次群发,订阅号每天只能群发1次" : "同一个月安排了%d次群发,服务号每人每月最多收到4次";
        Map<String, List<String>> warnings = new HashMap<>();
        byPeriod.values().stream().filter(group -> group.size() > limit).forEach(group -> group.forEach(
                send -> warnings.computeIfAbsent(send.id(), id -> new ArrayList<>()).add(text.formatted(group.size()))));
        return warnings;
    }
}
