package cn.fangfei.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.fangfei.content.ContentException;
import cn.fangfei.support.ContentCopy;

class AnswerEngineTest {
    private static final AnswerEngine engine = new AnswerEngine();

    @BeforeAll
    static void load() {
        engine.reload(Path.of("content"));
    }

    @Test
    void answersPlainQuestions() {
        assertThat(topicOf("什么叫非法集资")).isEqualTo("what-is-illegal-fundraising");
        assertThat(topicOf("怎么举报非法集资")).isEqualTo("how-to-report");
    }

    @Test
    void answersThroughPinyinTyposAndTraditionalCharacters() {
        assertThat(topicOf("飞法集资是什么")).isEqualTo("what-is-illegal-fundraising");
        assertThat(topicOf("怎么举包非法集资")).isEqualTo("how-to-report");
        assertThat(topicOf("非法集資的四個特徵")).isEqualTo("four-features");
    }

    @Test
    void questionsForOtherOfficesGetNoTopic() {
        assertThat(engine.ask("今天晚上吃什么好").outcome()).isEqualTo(Answer.Outcome.FALLBACK);
        assertThat(engine.ask("驾驶证到期了去哪换").topic()).isNull();
    }

    /** other-offices.txt tells the pension office's question from the scam that borrows its words. */
    @Test
    void theSameWordsForAnotherOfficeAreDeclinedButNotTheScam() {
        assertThat(engine.ask("我家老人的城乡养老保险一年得交多少").outcome()).isEqualTo(Answer.Outcome.FALLBACK);
        assertThat(engine.ask("个体户的营业执照怎么年报").outcome()).isEqualTo(Answer.Outcome.FALLBACK);
        assertThat(topicOf("有人上门推销养老公寓 交二十万会员费每年返百分之十")).isEqualTo("pension-scams");
    }

    @Test
    void aQuestionWithNothingLeftOnceCleanedFallsBack() {
        assertThat(engine.clean("？？！")).isBlank();
        assertThat(engine.ask("？？！").outcome()).isEqualTo(Answer.Outcome.FALLBACK);
    }

    @Test
    void selfCheckQuotesThePhrasesBehindEachFeature() {
        Answer answer = engine.ask("朋友拉我在微信群里投一个项目,每月返3000,说保本,还让我再拉亲戚进来,靠谱吗");
        assertThat(answer.riskFindings()).extracting(f -> f.feature().name()).contains("利诱性", "公开性", "社会性");
        assertThat(answer.riskFindings()).flatExtracting(RiskCheck.Finding::quotes).contains("保本");
    }

    @Test
    void suggestionsAreTheTopThreeBestFirst() {
        Answer answer = engine.ask("举报");
        assertThat(answer.suggestions()).hasSize(3);
        assertThat(answer.suggestions().get(0).score()).isGreaterThanOrEqualTo(answer.suggestions().get(1).score());
        assertThat(answer.suggestions().get(1).score()).isGreaterThanOrEqualTo(answer.suggestions().get(2).score());
    }

    @Test
    void brokenContentIsRefusedAndThePreviousKeepsServing(@TempDir Path dir) {
        AnswerEngine reloading = new AnswerEngine();
        Path content = ContentCopy.of(dir);
        reloading.reload(content);
        ContentCopy.write(content.resolve("faq/how-to-report.yml"), "id: how-to-report\ntitle: [broken\n");
        assertThatThrownBy(() -> reloading.reload(content)).isInstanceOf(ContentException.class)
                .hasMessageContaining("how-to-report.yml");
        assertThat(reloading.ask("怎么举报非法集资").topic().id()).isEqualTo("how-to-report");
    }

    private static String topicOf(String question) {
        Answer answer = engine.ask(question);
        return answer.topic() == null ? "none:" + answer.suggestions().get(0).entry().id() : answer.topic().id();
    }
}
