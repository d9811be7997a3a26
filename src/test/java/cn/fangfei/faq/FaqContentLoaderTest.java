package cn.fangfei.faq;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.fangfei.content.ContentException;
import cn.fangfei.support.ContentCopy;

/** A broken content file is refused with the file and the line an editor has to fix. */
class FaqContentLoaderTest {
    @TempDir
    Path dir;

    @Test
    void brokenYamlNamesFileAndLine() {
        Path content = ContentCopy.of(dir);
        ContentCopy.write(content.resolve("faq/key-dates.yml"), "id: key-dates\ntitle: x\nphrasings: [a, b\n");
        assertThatThrownBy(() -> FaqContentLoader.load(content))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("key-dates.yml")
                .hasMessageContaining("第4行");
    }

    @Test
    void missingFieldNamesTheField() {
        Path content = ContentCopy.of(dir);
        ContentCopy.write(content.resolve("faq/key-dates.yml"), "id: key-dates\ntitle: 重要日子\nphrasings: [a, b, c]\n");
        assertThatThrownBy(() -> FaqContentLoader.load(content))
                .hasMessageContaining("key-dates.yml 第1行")
                .hasMessageContaining("缺少字段 answer");
    }

    @Test
    void idMustMatchTheFileName() {
        Path content = ContentCopy.of(dir);
        Path file = content.resolve("faq/key-dates.yml");
        ContentCopy.write(file, ContentCopy.read(file).replaceFirst("id: key-dates", "id: key-days"));
        assertThatThrownBy(() -> FaqContentLoader.load(content)).hasMessageContaining("与文件名 key-dates 不一致");
    }

    @Test
    void overlongAnswerIsRefused() {
        Path content = ContentCopy.of(dir);
        ContentCopy.write(content.resolve("faq/key-dates.yml"),
                "id: key-dates\ntitle: t\nphrasings: [a, b, c]\nanswer: " + "长".repeat(601) + "\n");
        assertThatThrownBy(() -> FaqContentLoader.load(content))
                .hasMessageContaining("key-dates.yml 第4行").hasMessageContaining("601");
    }

    @Test
    void unknownRelatedTopicIsRefused() {
        Path content = ContentCopy.of(dir);
        ContentCopy.write(content.resolve("faq/key-dates.yml"),
                "id: key-dates\ntitle: t\nphrasings: [a, b, c]\nanswer: x\nrelated:\n  - no-such-topic\n");
        assertThatThrownBy(() -> FaqContentLoader.load(content))
                .hasMessageContaining("第6行").hasMessageContaining("no-such-topic");
    }

    @Test
    void wordInTwoSynonymGroupsIsRefusedWithBothLines() {
        Path content = ContentCopy.of(dir);
        ContentCopy.write(content.resolve("synonyms.txt"), "# 测试\n举报 检举\n投诉 检举\n");
        assertThatThrownBy(() -> FaqContentLoader.load(content))
                .hasMessageContaining("synonyms.txt 第3行").hasMessageContaining("第2行");
    }

    @Test
    void badDictionaryFrequencyIsRefused() {
        Path content = ContentCopy.of(dir);
        ContentCopy.write(content.resolve("dictionary.txt"), "非法集资 nz 1000\n处非办 nz many\n");
        assertThatThrownBy(() -> FaqContentLoader.load(content)).hasMessageContaining("dictionary.txt 第2行");
    }

    @Test
    void invalidRiskPatternIsRefused() {
        Path content = ContentCopy.of(dir);
        ContentCopy.write(content.resolve("risk-signals.yml"), """
                features:
                  - {id: illegality, name: 非法性, explain: x, signals: [没有牌照]}
                  - {id: publicity, name: 公开性, explain: x, signals: [朋友圈]}
                  - id: inducement
                    name: 利诱性
                    explain: x
                    patterns: ['(unclosed']
                  - {id: sociality, name: 社会性, explain: x, signals: [拉人头]}
                advice: x
                """);
        assertThatThrownBy(() -> FaqContentLoader.load(content))
                .hasMessageContaining("risk-signals.yml 第7行").hasMessageContaining("正则表达式有误");
    }

    @Test
    void riskSignalsMustListTheFourFeatures() {
        Path content = ContentCopy.of(dir);
        ContentCopy.write(content.resolve("risk-signals.yml"), """
                features:
                  - {id: illegality, name: 非法性, explain: x, signals: [没有牌照]}
                advice: x
                """);
        assertThatThrownBy(() -> FaqContentLoader.load(content)).hasMessageContaining("四个特征");
    }

    @Test
    void notUtf8IsRefused() throws Exception {
        Path content = ContentCopy.of(dir);
        java.nio.file.Files.write(content.resolve("fillers.txt"), new byte[] {(byte) 0xC4, (byte) 0xE3, '\n'});
        assertThatThrownBy(() -> FaqContentLoader.load(content)).hasMessageContaining("fillers.txt").hasMessageContaining("UTF-8");
    }
}
