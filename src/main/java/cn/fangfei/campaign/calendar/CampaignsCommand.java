package cn.fangfei.campaign.calendar;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.fangfei.content.ContentException;

/**
 * {@code java -jar fangfei.jar campaigns [--from YYYY-MM-DD]}: every occurrence of the next 12 months
 * with its Gregorian date (and lunar date) and reminder times, straight from content/campaigns.yml,
 * with no Redis and no web server. Editors use it to check the calendar before the office relies on it.
 */
public final class CampaignsCommand {
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private CampaignsCommand() {
    }

    /** Returns the process exit code: 0, 1 for a broken calendar, 2 for bad arguments. */
    public static int run(List<String> args, Path contentDir, PrintStream out, Clock clock) {
        LocalDate from = LocalDate.now(clock);
        if (args.size() == 2 && args.get(0).equals("--from")) {
            try {
                from = LocalDate.parse(args.get(1));
            } catch (DateTimeParseException e) {
                return usage(out);
            }
        } else if (!args.isEmpty()) {
            return usage(out);
        }
        CampaignCalendar calendar = new CampaignCalendar();
        try {
            calendar.reload(contentDir);
        } catch (ContentException e) {
            out.println("日历有错误,未能读取: " + e.getMessage());
            return 1;
        }
        LocalDate to = from.plusMonths(12);
        List<Occurrence> occurrences = calendar.occurrences(from, to);
        CalendarContent content = calendar.content();
        out.printf("防非宣传日历 %s 至 %s,共 %d 次活动%n", from, to.minusDays(1), occurrences.size());
        for (Occurrence occurrence : occurrences) {
            Campaign campaign = occurrence.campaign();
            out.printf("%s %s  %s  %s%s%n", occurrence.day(), weekday(occurrence.day()), campaign.id(), campaign.title(),
                    period(occurrence));
            for (Reminder reminder : campaign.reminders()) {
                PlannedSend send = PlannedSend.of(occurrence, reminder, clock.getZone());
                out.printf("    提醒 %s(%s)  渠道 %s  对象 %s%n", DUE.format(send.dueAt()), reminder.describe(),
                        campaign.channelsOf(reminder).stream().map(Channel::label).collect(Collectors.joining(" > ")),
                        audience(campaign, content));
            }
        }
        return 0;
    }

    public static String weekday(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.CHINA);
    }

    static String period(Occurrence occurrence) {
        StringBuilder out = new StringBuilder();
        if (occurrence.lunar() != null) {
            out.append("  ").append(occurrence.lunar());
        }
        if (!occurrence.start().equals(occurrence.end())) {
            out.append("  ").append(occurrence.start()).append(" 至 ").append(occurrence.end());
        }
        return out.toString();
    }

    public static String audience(Campaign campaign, CalendarContent content) {
        return campaign.forEveryone() ? "全部订阅者"
                : campaign.audience().stream().map(content::tagName).collect(Collectors.joining("、"));
    }

    private static int usage(PrintStream out) {
        out.println("用法: java -jar fangfei.jar campaigns [--from YYYY-MM-DD]   (内容目录取 FANGFEI_CONTENT_DIR,默认 ./content)");
        return 2;
    }
}
