package cn.fangfei.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine with editors' additions merged in, without Redis. */
class FaqOverlayTest {
    /** Out of the office's scope, so content/ alone gives it the fallback. */
    private static final String QUESTION = "驾驶证到期了去哪里换";
    private static final AnswerEngine engine = new AnswerEngine();

    @BeforeAll
    static void load() {
        engine.reload(Path.of("content"));
    }

    @Test
    void anAddedPhrasingIsAnsweredAndTakingItBackUndoesThat() {
        AnswerEngine local = new AnswerEngine();
        local.reload(Path.of("content"));
        assertThat(local.ask(QUESTION).topic()).as("precondition: not answered from content/").isNull();

        local.apply(new FaqOverlay(1, 0, Map.of("how-to-report", List.of(QUESTION)), List.of()));
        assertThat(local.ask(QUESTION).topic().id()).isEqualTo("how-to-report");
        assertThat(local.topic("how-to-report").orElseThrow().phrasings()).contains(QUESTION);
        assertThat(local.fileTopics().stream().filter(t -> t.id().equals("how-to-report")).findFirst().orElseThrow()
                .phrasings()).doesNotContain(QUESTION);

        local.apply(FaqOverlay.EMPTY);
        assertThat(local.ask(QUESTION).topic()).isNull();
    }

    @Test
    void theOverlaySurvivesAReloadOfContent() {
        AnswerEngine local = new AnswerEngine();
        local.apply(new FaqOverlay(1, 0, Map.of("how-to-report", List.of(QUESTION)), List.of()));
        local.reload(Path.of("content"));
        assertThat(local.ask(QUESTION).topic().id()).isEqualTo("how-to-report");
    }

    @Test
    void aNewTopicIsAnswered() {
        AnswerEngine local = new AnswerEngine();
        local.reload(Path.of("content"));
        FaqEntry topic = FaqOverlayStore.newTopic("parking-lot-shares", "车位众筹", "车位众筹要警惕。",
                List.of("认购车位份额每年分红", "车位众筹靠谱吗", "买车位产权份额返租"));
        local.apply(new FaqOverlay(1, 0, Map.of(), List.of(topic)));
        assertThat(local.ask("车位众筹靠谱吗").topic().id()).isEqualTo("parking-lot-shares");
        assertThat(local.topics()).hasSize(engine.topics().size() + 1);
    }

    @Test
    void contentWinsEveryConflict() {
        List<FaqEntry> base = engine.fileTopics();
        FaqEntry existing = base.get(0);
        FaqEntry clash = FaqOverlayStore.newTopic(existing.id(), "别的标题", "别的回答", List.of("x", "y", "z"));
        FaqOverlay overlay = new FaqOverlay(1, 0, Map.of(
                existing.id(), List.of(existing.phrasings().get(0), "新问法"),
                "no-such-topic", List.of("孤儿问法")), List.of(clash));

        List<FaqEntry> merged = overlay.applyTo(base);

        assertThat(merged).hasSize(base.size());
        FaqEntry first = merged.get(0);
        assertThat(first.title()).isEqualTo(existing.title());
        assertThat(first.phrasings()).endsWith("新问法").hasSize(existing.phrasings().size() + 1);
        assertThat(merged).flatExtracting(FaqEntry::phrasings).doesNotContain("孤儿问法");
    }
}
