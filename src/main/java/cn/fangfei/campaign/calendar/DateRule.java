package cn.fangfei.campaign.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/** When a campaign happens each year. */
public sealed interface DateRule {
    /** Occurrences whose main day falls in [from, to), in date order. */
    List<Occurrence> occurrences(Campaign campaign, LocalDate from, LocalDate to);

    /** How office staff would say it, e.g. 每年3月15日. */
    String describe();

    /** Whether the rule is lunar, so that messages may say {lunar}. */
    default boolean isLunar() {
        return false;
    }

    /** The same Gregorian day every year, e.g. 3·15. */
    record FixedDay(MonthDay day) implements DateRule {
        @Override
        public List<Occurrence> occurrences(Campaign campaign, LocalDate from, LocalDate to) {
            return yearly(from.getYear(), from, to, day::atYear, (year, date) -> Occurrence.single(campaign, date, null));
        }

        @Override
        public String describe() {
            return "每年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
        }
    }

    /** A whole Gregorian month with a highlight day, e.g. June with 6·15 集中宣传日. */
    record CampaignMonth(int month, MonthDay highlight) implements DateRule {
        @Override
        public List<Occurrence> occurrences(Campaign campaign, LocalDate from, LocalDate to) {
            return yearly(from.getYear(), from, to,
                    year -> highlight == null ? YearMonth.of(year, month).atDay(1) : highlight.atYear(year), (year, day) -> {
                        YearMonth yearMonth = YearMonth.of(year, month);
                        return new Occurrence(campaign, day, yearMonth.atDay(1), yearMonth.atEndOfMonth(), null);
                    });
        }

        @Override
        public String describe() {
            return "每年" + month + "月" + (highlight == null ? "" : ",重点是" + month + "月" + highlight.getDayOfMonth() + "日");
        }
    }

    /**
     * A lunar date, e.g. 春节 (1-1) or 重阳 (9-9). The lunar year that gives a Gregorian date in a window
     * can be the Gregorian year before (lunar 12th month falls in January or February), so both are tried.
     */
    record LunarDate(int month, int day) implements DateRule {
        @Override
        public List<Occurrence> occurrences(Campaign campaign, LocalDate from, LocalDate to) {
            return yearly(from.getYear() - 1, from, to, lunarYear -> LunarCalendar.solar(lunarYear, month, day),
                    (lunarYear, date) -> Occurrence.single(campaign, date, LunarCalendar.label(date)));
        }

        @Override
        public String describe() {
            return "每年农历" + month + "月" + day + "日";
        }

        @Override
        public boolean isLunar() {
            return true;
        }
    }

    /** A whole lunar month with a highlight day, e.g. 敬老月: the ninth lunar month, around 重阳 (9-9). */
    record LunarMonth(int month, int highlightDay) implements DateRule {
        @Override
        public List<Occurrence> occurrences(Campaign campaign, LocalDate from, LocalDate to) {
            return yearly(from.getYear() - 1, from, to, lunarYear -> LunarCalendar.solar(lunarYear, month, highlightDay),
                    (lunarYear, day) -> {
                        LocalDate start = LunarCalendar.solar(lunarYear, month, 1);
                        LocalDate end = LunarCalendar.solar(lunarYear, month, LunarCalendar.daysIn(lunarYear, month));
                        return new Occurrence(campaign, day, start, end, LunarCalendar.label(day));
                    });
        }

        @Override
        public String describe() {
            return "每年农历" + month + "月,重点是农历" + month + "月" + highlightDay + "日";
        }

        @Override
        public boolean isLunar() {
            return true;
        }
    }

    /** The seven days centred on a day, e.g. 宪法宣传周 around 12-04 (国家宪法日): 12-01 to 12-07. */
    record WeekAround(MonthDay day) implements DateRule {
        @Override
        public List<Occurrence> occurrences(Campaign campaign, LocalDate from, LocalDate to) {
            return yearly(from.getYear(), from, to, day::atYear,
                    (year, date) -> new Occurrence(campaign, date, date.minusDays(3), date.plusDays(3), null));
        }

        @Override
        public String describe() {
            return "每年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日前后一周";
        }
    }

    /**
     * For each year from {@code firstYear} to {@code to}'s year, the occurrence built around that year's main day
     * when the main day falls in [from, to). Lunar rules start a year early (see {@link LunarDate}).
     */
    private static List<Occurrence> yearly(int firstYear, LocalDate from, LocalDate to, IntFunction<LocalDate> mainDay,
            BiFunction<Integer, LocalDate, Occurrence> occurrence) {
        List<Occurrence> out = new ArrayList<>();
        for (int year = firstYear; year <= to.getYear(); year++) {
            LocalDate day = mainDay.apply(year);
            if (!day.isBefore(from) && day.isBefore(to)) {
                out.add(occurrence.apply(year, day));
            }
        }
        return out;
    }
}
