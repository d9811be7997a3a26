package cn.fangfei.campaign.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reminder of one occurrence: the unit that is approved, sent exactly once and logged. Its id,
 * e.g. {@code consumer-rights-day.2027-03-15.day-3d}, names the campaign, the occurrence's main day and
 * the reminder, so it stays the same across restarts and instances.
 */
public record PlannedSend(Occurrence occurrence, Reminder reminder, ZonedDateTime dueAt) {
    private static final Pattern ID = Pattern.compile(
            "([a-z0-9][a-z0-9-]{0,63})\\.(\\d{4}-\\d{2}-\\d{2})\\.((?:start|day|end)[+-]\\d{1,2}d)");

    /** The parts of a send id, for looking it up in the calendar. */
    public record Id(String campaignId, LocalDate day, String reminderKey) {
    }

    public static PlannedSend of(Occurrence occurrence, Reminder reminder, ZoneId zone) {
        LocalDate date = occurrence.anchor(reminder.anchor()).plusDays(reminder.offsetDays());
        return new PlannedSend(occurrence, reminder, date.atTime(reminder.time()).atZone(zone));
    }

    public String id() {
        return campaign().id() + "." + occurrence.day() + "." + reminder.key();
    }

    public Campaign campaign() {
        return occurrence.campaign();
    }

    /** Empty for anything that is not a well-formed send id, before it is used in a Redis key. */
    public static Optional<Id> parseId(String sendId) {
        Matcher matcher = sendId == null ? null : ID.matcher(sendId);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Id(matcher.group(1), LocalDate.parse(matcher.group(2)), matcher.group(3)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
