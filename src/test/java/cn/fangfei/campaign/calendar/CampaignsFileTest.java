package cn.fangfei.campaign.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.fangfei.content.ContentException;

/** A broken rule is refused with its line, campaign and field; the calendar loaded before keeps running. */
class CampaignsFileTest {
    private static final String HEAD = """
            tags:
              - {id: elderly, name: 老年人}
              - {id: rural, name: 农村}
            keywords: {subscribe: [订阅提醒], unsubscribe: [退订]}
            campaigns:
            """;

    @TempDir
    Path dir;

    private final CampaignCalendar calendar = new CampaignCalendar();

    @Test
    void aWellFormedCampaignIsReadWithItsDefaults() {
        write(campaign("date: {fixed: \"03-15\"}", "reminders: [{offset: -7d}, {offset: 0d, time: \"18:30\", channels: [客服消息]}]",
                "audience: [老年人]", "channels: [template, 群发]",
                "message: {text: \"{date}是{title}。\", link: /faq/key-dates, template: {thing1: \"{title}\"}}"));

        calendar.reload(dir);

        Campaign campaign = calendar.content().campaigns().get(0);
        assertThat(campaign.audience()).containsExactly("elderly");
        assertThat(campaign.channels()).containsExactly(Channel.TEMPLATE, Channel.MASS);
        assertThat(campaign.reminders()).extracting(Reminder::key).containsExactly("day-7d", "day+0d");
        assertThat(campaign.reminders().get(0).time()).hasToString("09:00");
        assertThat(campaign.channelsOf(campaign.reminders().get(1))).containsExactly(Channel.CUSTOMER_SERVICE);
        assertThat(campaign.message().templateData()).containsEntry("thing1", "{title}");
        assertThat(calendar.content().subscribeWords()).containsExactly("订阅提醒");
    }

    @Test
    void anImpossibleDateNamesCampaignFieldAndLine() {
        write(campaign("date: {fixed: \"02-30\"}"));
        assertProblem(8, "活动 demo 的 date.fixed", "“02-30”不是有效的日期");

        write(campaign("date: {fixed: \"02-29\"}"));
        assertProblem(8, "活动 demo 的 date.fixed", "2月29日不是每年都有");

        write(campaign("date: {lunar: \"13-01\"}"));
        assertProblem(8, "活动 demo 的 date.lunar", "不是有效的农历日期");

        write(campaign("date: {month: 6, highlight: \"07-01\"}"));
        assertProblem(8, "活动 demo 的 date.highlight", "重点日应在6月内");

        write(campaign("date: {fixed: \"03-15\", lunar: \"01-01\"}"));
        assertProblem(8, "活动 demo 的 date", "要写且只写一种日期");
    }

    @Test
    void remindersAudienceAndChannelsAreChecked() {
        write(campaign("reminders: [{offset: -7}]"));
        assertProblem(9, "活动 demo 的 reminders.offset", "应写成天数");

        write(campaign("reminders: [{offset: -90d}]"));
        assertProblem(9, "活动 demo 的 reminders.offset", "最多提前60天");

        write(campaign("reminders: [{offset: 0d, time: \"25:00\"}]"));
        assertProblem(9, "活动 demo 的 reminders.time", "应写成 时:分");

        write(campaign("reminders: [{offset: 0d}, {offset: 0d}]"));
        assertProblem(9, "活动 demo 的 reminders.offset", "写了两次");

        write(campaign("audience: [老人]"));
        assertProblem(10, "活动 demo 的 audience", "“老人”不是 tags 里的标签");

        write(campaign("channels: [sms]"));
        assertProblem(11, "活动 demo 的 channels", "渠道“sms”不认识");

        write(campaign("audience: [老年人, 农村]", "channels: [mass]"));
        assertProblem(11, "活动 demo 的 channels", "群发(mass)一次只能发给一个标签");

        write(campaign("channels: [template]"));
        assertProblem(11, "活动 demo 的 channels", "要写 template 的各个字段");
    }

    @Test
    void messagesMustUseKnownPlaceholdersAndNoPhoneNumbers() {
        write(campaign("message: {text: \"请拨打 {phone}\"}"));
        assertProblem(12, "活动 demo 的 message.text", "不认识占位符 {phone}");

        write(campaign("message: {text: \"今天是{lunar}\"}"));
        assertProblem(12, "活动 demo 的 message.text", "{lunar} 只能用在农历日期的活动里");

        write(campaign("message: {text: \"咨询电话 0571-88886666\"}"));
        assertProblem(12, "活动 demo 的 message.text", "不要在提醒里直接写电话号码,请写 {office.phone}");

        write(campaign("message: {text: \"链接\", link: \"ftp://x\"}"));
        assertProblem(12, "活动 demo 的 message.link", "链接应是本站路径");
    }

    @Test
    void missingAndMisspeltFieldsNameTheCampaign() {
        write(HEAD + """
                  - id: demo
                    title: 演示
                    date: {fixed: "03-15"}
                    reminders: [{offset: 0d}]
                    audience: all
                    channels: [mass]
                """);
        assertProblem(6, "活动 demo", "缺少字段 message");

        write(campaign("audiance: all"));
        assertProblem(11, "活动 demo", "不认识的字段 audiance");
    }

    @Test
    void aBrokenFileKeepsThePreviousCalendarRunning() {
        calendar.reload(Path.of("content"));
        List<Occurrence> before = calendar.occurrences(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1));
        write(campaign("date: {fixed: \"02-30\"}"));

        assertThatThrownBy(() -> calendar.reload(dir)).isInstanceOf(ContentException.class);

        assertThat(calendar.occurrences(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1))).isEqualTo(before);
    }

    /** A campaign "demo" whose lines can be replaced by field: id on line 6, date 8, reminders 9, audience 10, channels 11, message 12. */
    private static String campaign(String... replacements) {
        String[] lines = {
                "id: demo",
                "title: 演示",
                "date: {fixed: \"03-15\"}",
                "reminders: [{offset: 0d}]",
                "audience: all",
                "channels: [mass]",
                "message: {text: \"{date}是{title}。\"}"};
        for (String replacement : replacements) {
            String key = replacement.substring(0, replacement.indexOf(':'));
            boolean replaced = false;
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith(key + ":")) {
                    lines[i] = replacement;
                    replaced = true;
                }
            }
            if (!replaced) {
                lines[lines.length - 2] = replacement;
            }
        }
        StringBuilder yaml = new StringBuilder(HEAD);
        for (int i = 0; i < lines.length; i++) {
            yaml.append(i == 0 ? "  - " : "    ").append(lines[i]).append('\n');
        }
        return yaml.toString();
    }

    private void assertProblem(int line, String where, String problem) {
        assertThatThrownBy(() -> calendar.reload(dir)).isInstanceOfSatisfying(ContentException.class, e -> {
            assertThat(e.getMessage()).contains("campaigns.yml", "第" + line + "行", where, problem);
            assertThat(e.line()).isEqualTo(line);
        });
    }

    private void write(String yaml) {
        CalendarFiles.write(dir, yaml);
    }
}
