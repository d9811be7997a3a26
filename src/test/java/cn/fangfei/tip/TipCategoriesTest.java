package cn.fangfei.tip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.fangfei.content.ContentException;

class TipCategoriesTest {
    @TempDir
    Path dir;

    private final TipCategories categories = new TipCategories();

    @Test
    void theShippedListHasThePlansTenCategoriesInOrder() {
        categories.reload(Path.of("content"));

        assertThat(categories.all()).containsExactly("养老", "虚拟货币/区块链", "私募基金", "网络借贷", "理财/财富管理",
                "解债服务", "预付卡", "元宇宙/NFT", "农村/合作社", "其他");
        assertThat(categories.numberedList()).startsWith("1. 养老\n2. 虚拟货币/区块链").endsWith("10. 其他");
    }

    @Test
    void startPhrasesAreWholeSentencesFromTheFile() {
        categories.reload(Path.of("content"));

        assertThat(categories.isStartPhrase("我想举报")).isTrue();
        assertThat(categories.isStartPhrase("我要反映线索")).isTrue();
        assertThat(categories.isStartPhrase("怎么举报")).isFalse();
        assertThat(categories.isStartPhrase("举报有奖励吗")).isFalse();
    }

    @Test
    void aFileWithoutStartPhrasesIsRefused() throws IOException {
        write("categories:\n  - 养老\n");
        assertThatThrownBy(() -> categories.reload(dir)).hasMessageContaining("start-phrases");
    }

    @Test
    void aResidentPicksByNumberFullWidthNumberOrName() {
        categories.reload(Path.of("content"));

        assertThat(categories.pick("1")).contains("养老");
        assertThat(categories.pick(" 10 ")).contains("其他");
        assertThat(categories.pick("３")).contains("私募基金");
        assertThat(categories.pick("预付卡")).contains("预付卡");
        assertThat(categories.pick("0")).isEmpty();
        assertThat(categories.pick("11")).isEmpty();
        assertThat(categories.pick("股票")).isEmpty();
    }

    @Test
    void problemsNameTheirLineAndKeepThePreviousList() throws IOException {
        categories.reload(Path.of("content"));
        write("""
                # 类别
                categories:
                  - 养老
                  - 养老
                """);

        assertThatThrownBy(() -> categories.reload(dir)).isInstanceOfSatisfying(ContentException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.getMessage()).contains("tip-categories.yml", "类别“养老”重复了");
        });
        assertThat(categories.all()).hasSize(10);

        write("categories:\n  - 一个名字长得超过了十二个字的类别名称\n");
        assertThatThrownBy(() -> categories.reload(dir)).hasMessageContaining("太长");
        write("categories: []\n");
        assertThatThrownBy(() -> categories.reload(dir)).hasMessageContaining("类别应有1到15个");
    }

    private void write(String yaml) throws IOException {
        Files.writeString(dir.resolve("tip-categories.yml"), yaml, StandardCharsets.UTF_8);
    }
}
