package cn.fangfei.campaign.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Occurrences over several years, lunar and Gregorian, computed from the shipped and from small calendars. */
class CampaignCalendarTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    private final CampaignCalendar calendar = new CampaignCalendar();

    @BeforeEach
    void loadShipped() {
        calendar.reload(Path.of("content"));
    }

    @Test
    void theShippedCalendarHasEveryKeyDateOfThePlan() {
        assertThat(calendar.content().campaigns()).extracting(Campaign::id).contains(
                "consumer-rights-day", "economic-crime-day", "campaign-month", "financial-literacy-month",
                "elderly-month", "double-ninth", "constitution-week", "spring-festival");
        assertThat(calendar.content().tags()).extracting(InterestTag::name)
                .containsExactly("老年人", "农村", "学生", "企业", "金融网点");
    }

    @Test
    void springFestivalIsLunarNewYearEveryYear() {
        assertThat(days("spring-festival", 2025, 2029)).containsExactly(
                LocalDate.of(2025, 1, 29), LocalDate.of(2026, 2, 17), LocalDate.of(2027, 2, 6), LocalDate.of(2028, 1, 26));
        Occurrence festival = only("spring-festival", LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1));
        assertThat(festival.lunar()).isEqualTo("农历正月初一");
    }

    @Test
    void theElderlyMonthIsGregorianOctoberAndChongyangFollowsTheLunarCalendar() {
        Occurrence month2027 = only("elderly-month", LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1));
        assertThat(month2027.start()).isEqualTo(LocalDate.of(2027, 10, 1));
        assertThat(month2027.end()).isEqualTo(LocalDate.of(2027, 10, 31));
        assertThat(month2027.lunar()).isNull();
        // 2025 has a leap sixth month (闰六月), which pushes 重阳 to late October.
        assertThat(days("double-ninth", 2025, 2028)).containsExactly(
                LocalDate.of(2025, 10, 29), LocalDate.of(2026, 10, 18), LocalDate.of(2027, 10, 8));
        Occurrence chongyang2027 = only("double-ninth", LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1));
        assertThat(chongyang2027.lunar()).isEqualTo("农历九月初九");
    }

    @Test
    void gregorianDaysMonthsAndWeeksRepeatEveryYear() {
        assertThat(days("consumer-rights-day", 2026, 2029)).containsExactly(
                LocalDate.of(2026, 3, 15), LocalDate.of(2027, 3, 15), LocalDate.of(2028, 3, 15));
        Occurrence june = only("campaign-month", LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1));
        assertThat(june.day()).isEqualTo(LocalDate.of(2027, 6, 15));
        assertThat(june.start()).isEqualTo(LocalDate.of(2027, 6, 1));
        assertThat(june.end()).isEqualTo(LocalDate.of(2027, 6, 30));
        Occurrence week = only("constitution-week", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1));
        assertThat(week.start()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(week.day()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(week.end()).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void remindersFallOnTheirOffsetsFromTheRightDate() {
        List<PlannedSend> sends = calendar.sends(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1), SHANGHAI);

        assertThat(dueOf(sends, "consumer-rights-day.2027-03-15.day-1d")).isEqualTo("2027-03-14T09:00+08:00[Asia/Shanghai]");
        assertThat(dueOf(sends, "campaign-month.2027-06-15.start+0d")).isEqualTo("2027-06-01T09:00+08:00[Asia/Shanghai]");
        assertThat(dueOf(sends, "campaign-month.2027-06-15.day+0d")).isEqualTo("2027-06-15T10:00+08:00[Asia/Shanghai]");
        assertThat(dueOf(sends, "spring-festival.2027-02-06.day-20d")).isEqualTo("2027-01-17T09:00+08:00[Asia/Shanghai]");
        assertThat(dueOf(sends, "campaign-month-bank-branches.2027-06-15.start-5d")).isEqualTo("2027-05-27T09:00+08:00[Asia/Shanghai]");
    }

    @Test
    void aLunarDateLateInTheLunarYearFallsInTheNextGregorianYear() {
        write("""
                tags: []
                keywords: {subscribe: [订阅], unsubscribe: [退订]}
                campaigns:
                  - id: little-new-year
                    title: 小年
                    date: {lunar: "12-23"}
                    reminders: [{offset: 0d}]
                    audience: all
                    channels: [mass]
                    message: {text: "今天是小年({lunar})。"}
                  - id: new-year-eve
                    title: 除夕
                    date: {lunar: "12-30"}
                    reminders: [{offset: 0d}]
                    audience: all
                    channels: [mass]
                    message: {text: 除夕快乐。}
                """);
        calendar.reload(dir);

        assertThat(days("little-new-year", 2025, 2029)).containsExactly(
                LocalDate.of(2025, 1, 22), LocalDate.of(2026, 2, 10), LocalDate.of(2027, 1, 30), LocalDate.of(2028, 1, 19));
        // The twelfth month of these lunar years has 29 days: "12-30" is its last day, the eve of the new year.
        assertThat(days("new-year-eve", 2025, 2028)).containsExactly(
                LocalDate.of(2025, 1, 28), LocalDate.of(2026, 2, 16), LocalDate.of(2027, 2, 5));
    }

    @Test
    void dueFindsTheRemindersOfAWindowEvenFromOccurrencesOutsideIt() {
        Instant until = ZonedDateTime.of(LocalDateTime.of(2027, 5, 27, 9, 0), SHANGHAI).toInstant();

        List<PlannedSend> due = calendar.due(until.minusSeconds(60), until, SHANGHAI);

        assertThat(due).extracting(PlannedSend::id).containsExactly("campaign-month-bank-branches.2027-06-15.start-5d");
        assertThat(calendar.due(until, until.plusSeconds(60), SHANGHAI)).isEmpty();
    }

    @Test
    void aSendIdLeadsBackToItsReminder() {
        PlannedSend found = calendar.find("double-ninth.2027-10-08.day-1d", SHANGHAI).orElseThrow();

        assertThat(found.dueAt().toLocalDate()).isEqualTo(LocalDate.of(2027, 10, 7));
        assertThat(found.campaign().audience()).containsExactly("elderly");
        assertThat(calendar.find("double-ninth.2027-10-09.day-1d", SHANGHAI)).isEmpty();
        assertThat(calendar.find("double-ninth.2027-10-08.day+5d", SHANGHAI)).isEmpty();
        assertThat(PlannedSend.parseId("../../etc")).isEmpty();
        assertThat(PlannedSend.parseId("x.2027-02-30.day+0d")).isEmpty();
    }

    /** A subscription account may mass-send once a day, a service account's residents get four a month. */
    @Test
    void theShippedCalendarNeverPlansMoreMassSendsThanWechatAllows() {
        Map<LocalDate, Integer> perDay = new HashMap<>();
        Map<YearMonth, Integer> perMonth = new HashMap<>();
        for (PlannedSend send : calendar.sends(LocalDate.of(2026, 1, 1), LocalDate.of(2036, 1, 1), SHANGHAI)) {
            if (send.campaign().channelsOf(send.reminder()).contains(Channel.MASS)) {
                perDay.merge(send.dueAt().toLocalDate(), 1, Integer::sum);
                perMonth.merge(YearMonth.from(send.dueAt()), 1, Integer::sum);
            }
        }
        assertThat(perDay.values()).allMatch(count -> count == 1);
        assertThat(perMonth.values()).allMatch(count -> count <= 4);
    }

    private List<LocalDate> days(String campaignId, int fromYear, int toYearExclusive) {
        return calendar.occurrences(LocalDate.of(fromYear, 1, 1), LocalDate.of(toYearExclusive, 1, 1)).stream()
                .filter(o -> o.campaign().id().equals(campaignId)).map(Occurrence::day).toList();
    }

    private Occurrence only(String campaignId, LocalDate from, LocalDate to) {
        List<Occurrence> found = calendar.occurrences(from, to).stream()
                .filter(o -> o.campaign().id().equals(campaignId)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String dueOf(List<PlannedSend> sends, String id) {
        return sends.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id))
                .dueAt().toString();
    }

    private void write(String yaml) {
        CalendarFiles.write(dir, yaml);
    }
}
