package cn.fangfei.campaign.calendar;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

import cn.fangfei.content.ReloadableContent;

/**
 * The office's publicity calendar from content/campaigns.yml. A broken file is refused with its line,
 * campaign and field, and the calendar loaded before keeps running (see ContentReloader).
 */
@Component
public class CampaignCalendar implements ReloadableContent {
    private final AtomicReference<CalendarContent> content = new AtomicReference<>(CalendarContent.empty());

    @Override
    public String name() {
        return "campaigns";
    }

    @Override
    public void reload(Path contentDir) {
        content.set(CampaignsFile.read(contentDir));
    }

    public CalendarContent content() {
        return content.get();
    }

    /** Occurrences whose main day is in [from, to), by date, then in file order. */
    public List<Occurrence> occurrences(LocalDate from, LocalDate to) {
        CalendarContent current = content.get();
        List<Occurrence> out = new ArrayList<>();
        for (Campaign campaign : current.campaigns()) {
            out.addAll(campaign.rule().occurrences(campaign, from, to));
        }
        out.sort(Comparator.comparing(Occurrence::day));
        return out;
    }

    /** The reminders of those occurrences, by due time. */
    public List<PlannedSend> sends(LocalDate from, LocalDate to, ZoneId zone) {
        List<PlannedSend> out = new ArrayList<>();
        for (Occurrence occurrence : occurrences(from, to)) {
            for (Reminder reminder : occurrence.campaign().reminders()) {
                out.add(PlannedSend.of(occurrence, reminder, zone));
            }
        }
        out.sort(Comparator.comparing(PlannedSend::dueAt));
        return out;
    }

    /** Reminders due in (after, until]: what the scheduler should be sending now. */
    public List<PlannedSend> due(Instant after, Instant until, ZoneId zone) {
        // Occurrence days can lie up to the largest offset away from their reminders.
        LocalDate from = after.atZone(zone).toLocalDate().minusDays(CampaignsFile.MAX_OFFSET_AFTER + 31);
        LocalDate to = until.atZone(zone).toLocalDate().plusDays(CampaignsFile.MAX_OFFSET_BEFORE + 31);
        return sends(from, to, zone).stream()
                .filter(send -> send.dueAt().toInstant().isAfter(after) && !send.dueAt().toInstant().isAfter(until))
                .toList();
    }

    /** The planned send with this id, if the calendar (still) has it. */
    public Optional<PlannedSend> find(String sendId, ZoneId zone) {
        return PlannedSend.parseId(sendId).flatMap(id -> content.get().campaign(id.campaignId())
                .flatMap(campaign -> campaign.rule().occurrences(campaign, id.day(), id.day().plusDays(1)).stream().findFirst())
                .flatMap(occurrence -> occurrence.campaign().reminders().stream()
                        .filter(reminder -> reminder.key().equals(id.reminderKey()))
                        .findFirst()
                        .map(reminder -> PlannedSend.of(occurrence, reminder, zone))));
    }
}
