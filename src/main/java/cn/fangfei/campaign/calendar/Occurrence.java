package cn.fangfei.campaign.calendar;

import java.time.LocalDate;

/**
 * One time a campaign happens: its main day (the 集中宣传日 of a month, 12-04 of the constitution
 * week) and the period around it. Single-day campaigns start and end on their day.
 *
 * @param lunar the lunar date of {@code day} (e.g. 农历九月初九) for lunar rules, else null
 */
public record Occurrence(Campaign campaign, LocalDate day, LocalDate start, LocalDate end, String lunar) {
    public static Occurrence single(Campaign campaign, LocalDate day, String lunar) {
        return new Occurrence(campaign, day, day, day, lunar);
    }

    /** The date a reminder counts from. */
    public LocalDate anchor(Reminder.Anchor anchor) {
        return switch (anchor) {
            case START -> start;
            case DAY -> day;
            case END -> end;
        };
    }
}
