package cn.fangfei.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.fangfei.content.ContentProperties;
import cn.fangfei.content.ContentReloader;
import cn.fangfei.support.RedisTestSupport;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * Editors' additions: live at once, followed by other instances, refused whole when wrong, exported
 * into content/. The app runs on a private copy of content/, since exports write files.
 */
@SpringBootTest
@ActiveProfiles("test")
class KnowledgeBaseEditsTest {
    static final Path CONTENT = FaqTestContent.copy();
    /** Out of the office's scope, so it gets the fallback from content/ alone. */
    static final String QUESTION = "驾驶证到期了去哪里换";

    @DynamicPropertySource
    static void contentDir(DynamicPropertyRegistry registry) {
        registry.add("fangfei.content.dir", CONTENT::toString);
    }

    @Autowired
    KnowledgeBaseEdits edits;
    @Autowired
    FaqExport export;
    @Autowired
    AnswerEngine engine;
    @Autowired
    ResidentQuestions questions;
    @Autowired
    UnansweredLog unanswered;
    @Autowired
    FaqOverlayStore store;
    @Autowired
    ContentReloader reloader;
    @Autowired
    ContentProperties contentProperties;
    @Autowired
    Pool<Jedis> redis;

    @BeforeEach
    void freshContentAndRedis() {
        FaqTestContent.restore(CONTENT);
        RedisTestSupport.flush(redis);
        reloader.reloadAll();
        engine.apply(FaqOverlay.EMPTY);
    }

    @Test
    void anUnansweredQuestionAddedToATopicIsAnsweredAtOnceAndLeavesTheLog() {
        questions.reply("o-1", QUESTION);
        assertThat(unanswered.top(10)).extracting(UnansweredLog.Entry::question).containsExactly(QUESTION);

        edits.addPhrasing("how-to-report", QUESTION, QUESTION);

        assertThat(engine.ask(QUESTION).topic().id()).isEqualTo("how-to-report");
        assertThat(unanswered.top(10)).isEmpty();
        assertThat(store.read().phrasingsOf("how-to-report")).containsExactly(QUESTION);
    }

    @Test
    void anotherInstanceFollowsTheChange() {
        AnswerEngine otherEngine = new AnswerEngine();
        ContentReloader otherReloader = new ContentReloader(contentProperties, List.of(otherEngine));
        FaqOverlaySync otherSync = new FaqOverlaySync(store, otherEngine, otherReloader);
        otherSync.poll();
        assertThat(otherEngine.ask(QUESTION).topic()).isNull();

        edits.addPhrasing("how-to-report", QUESTION, null);
        otherSync.poll();

        assertThat(otherEngine.ask(QUESTION).topic().id()).isEqualTo("how-to-report");
    }

    @Test
    void badInputIsRefusedWithAChineseMessageAndNothingIsWritten() {
        questions.reply("o-1", QUESTION);
        String existing = engine.topic("how-to-report").orElseThrow().phrasings().get(0);

        assertThatThrownBy(() -> edits.addPhrasing("no-such-topic", QUESTION, QUESTION)).hasMessage("请选择一个已有的话题");
        assertThatThrownBy(() -> edits.addPhrasing("how-to-report", "  ", QUESTION)).hasMessage("问法不能为空");
        assertThatThrownBy(() -> edits.addPhrasing("how-to-report", "x".repeat(201), null)).hasMessageContaining("200字");
        assertThatThrownBy(() -> edits.addPhrasing("four-features", existing, null))
                .hasMessageContaining("已经是话题“" + engine.topic("how-to-report").orElseThrow().title() + "”的问法");
        assertThatThrownBy(() -> edits.addTopic(new KnowledgeBaseEdits.NewTopic("Bad Id", "", "x".repeat(601),
                QUESTION), QUESTION))
                .hasMessageContaining("话题编号只能用小写英文字母")
                .hasMessageContaining("请填写标题")
                .hasMessageContaining("回答有601字")
                .hasMessageContaining("至少需要3种问法");
        assertThatThrownBy(() -> edits.addTopic(new KnowledgeBaseEdits.NewTopic("how-to-report", "标题", "回答",
                "a\nb\nc"), null)).hasMessageContaining("已经存在");

        assertThat(store.read().isEmpty()).isTrue();
        assertThat(unanswered.top(10)).extracting(UnansweredLog.Entry::question).containsExactly(QUESTION);
        try (Jedis jedis = redis.getResource()) {
            assertThat(jedis.keys("ff:faq:overlay:*")).isEmpty();
        }
    }

    @Test
    void aNewTopicAndItsTakeBack() {
        edits.addTopic(new KnowledgeBaseEdits.NewTopic("driving-licence", "驾驶证换证", "请咨询车管所。",
                QUESTION + "\r\n驾照过期怎么办\n\n驾照到期换证流程\n"), QUESTION);
        assertThat(engine.ask(QUESTION).topic().id()).isEqualTo("driving-licence");
        edits.addPhrasing("driving-licence", "驾照年审去哪里", null);
        assertThat(engine.topic("driving-licence").orElseThrow().phrasings()).hasSize(4);

        edits.removeTopic("driving-licence");

        assertThat(engine.topic("driving-licence")).isEmpty();
        try (Jedis jedis = redis.getResource()) {
            assertThat(jedis.hgetAll("ff:faq:overlay:phrasings")).isEmpty();
            assertThat(jedis.smembers("ff:faq:overlay:topics")).isEmpty();
        }
        assertThatThrownBy(() -> edits.removeTopic("how-to-report")).hasMessageContaining("不是在后台新建的");
    }

    @Test
    void anExportWritesTheAdditionsIntoContentAndEmptiesTheOverlay() throws IOException {
        Path file = CONTENT.resolve("faq/how-to-report.yml");
        List<String> before = Files.readAllLines(file);
        edits.addPhrasing("how-to-report", QUESTION, null);
        edits.addPhrasing("how-to-report", "举报: 要写真名吗 #匿名", null);
        edits.addTopic(new KnowledgeBaseEdits.NewTopic("driving-licence", "驾驶证换证", "请咨询车管所。\n第二行",
                "驾照过期怎么办\n驾照到期换证流程\n驾照年审去哪里"), null);

        FaqExport.Result result = export.export();

        assertThat(result.files()).containsExactlyInAnyOrder("faq/how-to-report.yml", "faq/driving-licence.yml");
        assertThat(result.phrasings()).isEqualTo(2);
        assertThat(result.topics()).isEqualTo(1);
        List<String> after = Files.readAllLines(file);
        List<String> added = new ArrayList<>(after);
        before.forEach(added::remove);
        assertThat(added).hasSize(2).allMatch(line -> line.startsWith("  - "));
        assertThat(after).containsSubsequence(before);
        FaqContent reread = FaqContentLoader.load(CONTENT);
        assertThat(reread.entries()).filteredOn(e -> e.id().equals("how-to-report")).singleElement()
                .satisfies(e -> assertThat(e.phrasings()).contains(QUESTION, "举报: 要写真名吗 #匿名"));
        assertThat(reread.entries()).filteredOn(e -> e.id().equals("driving-licence")).singleElement()
                .satisfies(e -> assertThat(e.answer()).isEqualTo("请咨询车管所。\n第二行"));

        assertThat(store.read().isEmpty()).isTrue();
        assertThat(engine.ask(QUESTION).topic().id()).as("still answered, now from the file").isEqualTo("how-to-report");
        assertThat(engine.fileTopics()).extracting(FaqEntry::id).contains("driving-licence");
        assertThat(export.export().isEmpty()).as("a second export has nothing to do").isTrue();
    }

    @Test
    void anExportThatWouldBreakContentWritesNothing() throws IOException {
        edits.addPhrasing("how-to-report", QUESTION, null);
        Path file = CONTENT.resolve("faq/how-to-report.yml");
        // The file changed on disk after the phrasing was added: its list is now in flow style.
        String flow = Files.readString(file).replaceFirst("phrasings:\\n", "phrasings: [怎么举报]\\nold_phrasings:\\n");
        Files.writeString(file, flow);

        assertThatThrownBy(() -> export.export()).isInstanceOf(IllegalArgumentException.class);

        assertThat(Files.readString(file)).isEqualTo(flow);
        assertThat(store.read().phrasingsOf("how-to-report")).containsExactly(QUESTION);
    }

    @Test
    void aDownloadedExportPutInPlaceLetsTheOverlayBePruned() throws IOException {
        edits.addPhrasing("how-to-report", QUESTION, null);

        FaqExport.Archive archive = export.download();

        assertThat(archive.files()).containsExactly("faq/how-to-report.yml");
        Map<String, String> zipped = unzip(archive.zip());
        assertThat(zipped).containsOnlyKeys("content/faq/how-to-report.yml");
        assertThat(zipped.get("content/faq/how-to-report.yml")).contains("  - " + QUESTION);
        assertThat(store.read().phrasingsOf("how-to-report")).as("a download changes nothing").containsExactly(QUESTION);
        assertThat(export.prune()).as("nothing is in the files yet").isZero();

        Files.writeString(CONTENT.resolve("faq/how-to-report.yml"), zipped.get("content/faq/how-to-report.yml"));
        reloader.reloadAll();
        assertThat(export.prune()).isEqualTo(1);

        assertThat(store.read().isEmpty()).isTrue();
        assertThat(engine.ask(QUESTION).topic().id()).isEqualTo("how-to-report");
    }

    @Test
    void dailyCountsFollowTheOutcomes(@Autowired QuestionStats stats) {
        questions.reply("o-1", QUESTION);
        questions.reply("o-1", "怎么举报非法集资");
        questions.reply("o-2", "怎么举报非法集资");
        QuestionStats.Day today = stats.lastDays(7).get(6);
        assertThat(today.asked()).isEqualTo(3);
        assertThat(today.fallback()).isEqualTo(1);
        assertThat(today.fallbackRate()).isEqualTo(1.0 / 3);
        assertThat(stats.topTopics(7, 5)).containsExactly(new QuestionStats.TopicCount("how-to-report", 2));
        assertThat(stats.lastDays(7).get(0).asked()).isZero();
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
