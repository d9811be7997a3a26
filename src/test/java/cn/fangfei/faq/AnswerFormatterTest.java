package cn.fangfei.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.fangfei.config.SiteProperties;
import cn.fangfei.content.OfficeContacts;
import cn.fangfei.content.Replies;

class AnswerFormatterTest {
    private static final Path CONTENT = Path.of("content");
    private static final SiteProperties SITE = new SiteProperties("https://fangfei.example.gov.cn");
    private static final AnswerEngine engine = new AnswerEngine();

    @BeforeAll
    static void load() {
        engine.reload(CONTENT);
    }

    @Test
    void aSelfCheckFitsTheChatAndLeavesTheDetailsToTheArticle() {
        String description = "我家邻居拉我进了一个微信群,群里天天发广告,说有个养老公寓项目没有牌照但是很安全,钱转到老板的个人账户,"
                + "投五万每个月返三千,保本保息,一年后还本,还说拉亲戚朋友进来投钱另外给百分之五的奖励,谁都可以投,要不要投";
        List<RiskCheck.Finding> findings = engine.ask(description).riskFindings();
        assertThat(findings).hasSize(4);
        FaqEntry riskCheck = engine.topic("risk-check").orElseThrow();

        String reply = formatter(new OfficeContacts(null, null, null, null)).topic(riskCheck, findings);

        assertThat(reply.length()).as(reply).isLessThanOrEqualTo(AnswerFormatter.RISK_REPLY_MAX_CHARS);
        assertThat(reply).contains("非法性", "公开性", "利诱性", "社会性").contains("“没有牌照”", "“谁都可以投”")
                .contains("https://fangfei.example.gov.cn/faq/risk-check")
                .doesNotContain(riskCheck.answer().substring(0, 12));
        for (RiskCheck.Finding finding : findings) {
            assertThat(reply).as("the feature's definition is in the article").doesNotContain(finding.feature().explain());
        }
    }

    @Test
    void withoutOfficeContactsTheFallbackSaysOnceWhereToFindThem() {
        String fallback = formatter(new OfficeContacts(null, null, null, null))
                .format(new Answer(Answer.Outcome.FALLBACK, null, 0, List.of(), List.of()));
        assertThat(fallback).doesNotContain("暂未公布").doesNotContain("{office");
        assertThat(fallback.split("以镇政府公告为准", -1)).hasSize(2);
    }

    @Test
    void theFallbackGivesTheContactsThatAreConfigured() {
        String fallback = formatter(new OfficeContacts("某镇处非办", "0000-0000000", null, "工作日 9:00-17:00"))
                .format(new Answer(Answer.Outcome.FALLBACK, null, 0, List.of(), List.of()));
        assertThat(fallback).contains("某镇处非办:电话 0000-0000000,办公时间 工作日 9:00-17:00。")
                .doesNotContain("地址").doesNotContain("暂未公布").doesNotContain("公告");
    }

    private static AnswerFormatter formatter(OfficeContacts office) {
        Replies replies = new Replies(office);
        replies.reload(CONTENT);
        return new AnswerFormatter(replies, office, SITE, engine);
    }
}
