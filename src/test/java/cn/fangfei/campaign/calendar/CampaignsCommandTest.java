package cn.fangfei.campaign.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignsCommandTest {
    private static final Clock NOV_2026 = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    void listsTwelveMonthsOfOccurrencesWithDatesAndReminderTimes() {
        Output output = run(List.of(), Path.of("content"));

        assertThat(output.code()).isZero();
        assertThat(output.text()).startsWith("防非宣传日历 2026-11-28 至 2027-11-27,共 ");
        assertThat(output.text())
                .contains("2026-12-04 周五  constitution-week  宪法宣传周  2026-12-01 至 2026-12-07\n"
                        + "    提醒 2026-12-01 09:00(开始当天)  渠道 模板消息 > 群发  对象 全部订阅者\n")
                .contains("2027-02-06 周六  spring-festival  岁末年初·万家团聚、万众返乡  农历正月初一\n"
                        + "    提醒 2027-01-17 09:00(提前20天)")
                .contains("2027-10-01 周五  elderly-month  敬老月  2027-10-01 至 2027-10-31")
                .contains("2027-10-08 周五  double-ninth  重阳节(敬老月)  农历九月初九")
                .contains("提醒 2027-06-15 10:00(当天)  渠道 客服消息  对象 全部订阅者")
                .doesNotContain("2027-12-0");
    }

    @Test
    void startsFromAGivenDay() {
        Output output = run(List.of("--from", "2028-01-01"), Path.of("content"));

        assertThat(output.text()).startsWith("防非宣传日历 2028-01-01 至 2028-12-31")
                .contains("2028-01-26 周三  spring-festival");
    }

    @Test
    void aBrokenCalendarOrBadArgumentsFail(@TempDir Path dir) {
        CalendarFiles.write(dir, "campaigns: [");
        Output broken = run(List.of(), dir);
        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.text()).contains("日历有错误", "campaigns.yml");

        assertThat(run(List.of("--from", "yesterday"), Path.of("content")).code()).isEqualTo(2);
        assertThat(run(List.of("extra"), Path.of("content")).code()).isEqualTo(2);
    }

    private record Output(int code, String text) {
    }

    private static Output run(List<String> args, Path contentDir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = CampaignsCommand.run(args, contentDir, new PrintStream(bytes, true, StandardCharsets.UTF_8), NOV_2026);
        return new Output(code, bytes.toString(StandardCharsets.UTF_8));
    }
}
