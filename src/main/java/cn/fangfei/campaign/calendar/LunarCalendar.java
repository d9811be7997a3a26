package cn.fangfei.campaign.calendar;

import java.time.LocalDate;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.LunarYear;
import com.nlf.calendar.Solar;

/**
 * Lunar dates through lunar-java, never a hand-made table. Months are the regular (non-leap) months:
 * in a year with a leap ninth month, 重阳 is still on the ninth day of the first ninth month.
 */
final class LunarCalendar {
    private LunarCalendar() {
    }

    /**
     * The Gregorian date of a day of a lunar month. Day 30 of a 29-day month is its last day, so that
     * "12-30" always means 除夕 (lunar-java would roll over into the next month instead).
     */
    static LocalDate solar(int lunarYear, int month, int day) {
        int days = daysIn(lunarYear, month);
        Solar solar = Lunar.fromYmd(lunarYear, month, Math.min(day, days)).getSolar();
        return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
    }

    static int daysIn(int lunarYear, int month) {
        return LunarYear.fromYear(lunarYear).getMonth(month).getDayCount();
    }

    /** e.g. 农历正月初一, 农历九月初九. */
    static String label(LocalDate date) {
        Lunar lunar = Solar.fromYmd(date.getYear(), date.getMonthValue(), date.getDayOfMonth()).getLunar();
        return "农历" + lunar.getMonthInChinese() + "月" + lunar.getDayInChinese();
    }
}
