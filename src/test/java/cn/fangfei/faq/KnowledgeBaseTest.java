package cn.fangfei.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped content/ as a whole: the topic ids the office measures against, and sane entries. */
class KnowledgeBaseTest {
    static final Path CONTENT = Path.of("content");
    static final Path EVAL = Path.of("src/test/resources/eval");

    private static FaqContent content;

    @BeforeAll
    static void load() {
        content = FaqContentLoader.load(CONTENT);
    }

    @Test
    void hasExactlyTheTopicIdsOfTheOfficeList() throws IOException {
        Set<String> expected = Files.readAllLines(EVAL.resolve("topics.tsv"), StandardCharsets.UTF_8).stream()
                .skip(1).filter(line -> !line.isBlank()).map(line -> line.split("\t")[0]).collect(Collectors.toSet());
        Set<String> ours = content.entries().stream().map(FaqEntry::id).collect(Collectors.toSet());
        assertThat(ours).isEqualTo(expected);
    }

    @Test
    void everyEntryFitsAChatBubbleAndHasSeveralPhrasings() {
        for (FaqEntry entry : content.entries()) {
            assertThat(entry.answer().length()).as(entry.id()).isLessThanOrEqualTo(FaqContentLoader.MAX_ANSWER_CHARS);
            assertThat(entry.phrasings()).as(entry.id()).hasSizeGreaterThanOrEqualTo(8);
        }
    }

    @Test
    void citesTheRegulationWhereTheLawIsTheTopic() {
        assertThat(basisOf("what-is-illegal-fundraising")).anyMatch(b -> b.contains("防范和处置非法集资条例") && b.contains("第二条"));
        assertThat(basisOf("participant-losses")).anyMatch(b -> b.contains("第二十五条"));
        assertThat(basisOf("criminal-liability")).anyMatch(b -> b.contains("第一百七十六条"))
                .anyMatch(b -> b.contains("第一百九十二条"));
    }

    @Test
    void noOfficeContactIsWrittenIntoContent() {
        FaqEntry contacts = content.entries().stream().filter(e -> e.id().equals("office-contacts")).findFirst().orElseThrow();
        assertThat(contacts.answer()).contains("{office.phone}").contains("{office.address}").contains("{office.hours}");
        for (FaqEntry entry : content.entries()) {
            // Only nationwide public numbers may appear; the office's own come from configuration.
            String digits = (entry.answer() + entry.article()).replaceAll("(110|12345|12315|12378|12363)", "");
            assertThat(digits).as(entry.id()).doesNotContainPattern("\\d{7,}");
        }
    }

    @Test
    void noDevQuestionIsCopiedIntoContent() throws IOException {
        List<String> questions = Files.readAllLines(EVAL.resolve("dev.tsv"), StandardCharsets.UTF_8).stream()
                .skip(1).map(line -> line.split("\t")[0]).filter(q -> q.length() >= 6).toList();
        String all;
        try (var files = Files.walk(CONTENT)) {
            all = files.filter(Files::isRegularFile).map(KnowledgeBaseTest::read).collect(Collectors.joining("\n"));
        }
        assertThat(questions).noneMatch(all::contains);
    }

    private static List<String> basisOf(String id) {
        return content.entries().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow().legalBasis();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
