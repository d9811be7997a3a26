package cn.fangfei.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.fangfei.content.ContentException;
import cn.fangfei.content.YamlFile;
import cn.fangfei.support.ContentCopy;

class FaqYamlTest {
    private static final Path FILE = Path.of("faq/x.yml");

    @Test
    void appendsUnderPhrasingsAndLeavesEveryOtherLineAlone() {
        String before = """
                id: x
                # 编辑的备注
                title: 标题
                phrasings:
                  - 第一种问法
                  # 老问法
                  - 第二种问法

                answer: |-
                  回答
                """;
        String after = FaqYaml.addPhrasings(before, List.of("新问法"), FILE);
        assertThat(after).isEqualTo("""
                id: x
                # 编辑的备注
                title: 标题
                phrasings:
                  - 第一种问法
                  # 老问法
                  - 第二种问法
                  - 新问法

                answer: |-
                  回答
                """);
    }

    @Test
    void residentsPunctuationStaysValidYaml(@TempDir Path dir) {
        List<String> odd = List.of("利息: 20% 靠谱吗", "# 这是问题不是注释", "他说\"保本\"'稳赚'", "- 破折号开头", "@某人 说的");
        String text = FaqYaml.addPhrasings("id: x\nphrasings:\n- a\nanswer: b\n", odd, FILE);
        Path file = dir.resolve("x.yml");
        ContentCopy.write(file, text);
        assertThat(YamlFile.read(file).root().strings("phrasings")).containsExactly(
                "a", "利息: 20% 靠谱吗", "# 这是问题不是注释", "他说\"保本\"'稳赚'", "- 破折号开头", "@某人 说的");
        assertThat(YamlFile.read(file).root().string("answer")).isEqualTo("b");
    }

    @Test
    void keepsWindowsLineEndings() {
        String after = FaqYaml.addPhrasings("id: x\r\nphrasings:\r\n  - a\r\nanswer: b\r\n", List.of("c"), FILE);
        assertThat(after).isEqualTo("id: x\r\nphrasings:\r\n  - a\r\n  - c\r\nanswer: b\r\n");
    }

    @Test
    void aFlowListIsLeftToTheEditor() {
        assertThatThrownBy(() -> FaqYaml.addPhrasings("id: x\nphrasings: [a, b]\n", List.of("c"), FILE))
                .isInstanceOf(ContentException.class).hasMessageContaining("phrasings");
    }

    @Test
    void aNewTopicFileReadsBackAsWritten(@TempDir Path dir) {
        FaqEntry topic = FaqOverlayStore.newTopic("loan-scam", "“低息贷款”: 先交保证金?",
                "不要先交钱。\n\n  缩进的一行\n# 不是注释", List.of("a"));
        Path file = dir.resolve("loan-scam.yml");
        ContentCopy.write(file, FaqYaml.newTopic(topic, List.of("贷款先交钱", "放款前收保证金", "无抵押贷款: 可信吗")));
        YamlFile.Section root = YamlFile.read(file).root();
        assertThat(root.string("id")).isEqualTo("loan-scam");
        assertThat(root.string("title")).isEqualTo(topic.title());
        assertThat(root.string("answer")).isEqualTo(topic.answer());
        assertThat(root.strings("phrasings")).containsExactly("贷款先交钱", "放款前收保证金", "无抵押贷款: 可信吗");
    }
}
