package cn.fangfei.tip;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

import cn.fangfei.content.ReloadableContent;
import cn.fangfei.content.YamlFile;
import cn.fangfei.content.YamlFile.Section;

/**
 * The categories a resident picks from, in content/tip-categories.yml, numbered from 1 in file order;
 * and the whole sentences (start-phrases) that say the resident wants to report.
 */
@Component
public class TipCategories implements ReloadableContent {
    static final int MAX_CATEGORIES = 15;
    static final int MAX_NAME_CHARS = 12;

    private final AtomicReference<List<String>> names = new AtomicReference<>(List.of());
    private final AtomicReference<Set<String>> startPhrases = new AtomicReference<>(Set.of());

    @Override
    public String name() {
        return "tip-categories";
    }

    @Override
    public void reload(Path contentDir) {
        Section root = YamlFile.read(contentDir.resolve("tip-categories.yml")).root();
        List<String> loaded = root.strings("categories");
        if (loaded.isEmpty() || loaded.size() > MAX_CATEGORIES) {
            throw root.errorAt("categories", "类别应有1到" + MAX_CATEGORIES + "个,现在有" + loaded.size() + "个");
        }
        List<String> seen = new ArrayList<>();
        for (String category : loaded) {
            if (category.codePointCount(0, category.length()) > MAX_NAME_CHARS) {
                throw root.errorAt("categories", "类别“" + category + "”太长,最多" + MAX_NAME_CHARS + "个字");
            }
            if (seen.contains(category)) {
                throw root.errorAt("categories", "类别“" + category + "”重复了");
            }
            seen.add(category);
        }
        List<String> phrases = root.strings("start-phrases");
        if (phrases.isEmpty()) {
            throw root.errorAt("start-phrases", "至少要有一句表示要举报的话,例如“举报”");
        }
        names.set(List.copyOf(loaded));
        startPhrases.set(Set.copyOf(phrases));
    }

    /** Whether this sentence, punctuation and spaces trimmed, says the resident wants to report. */
    public boolean isStartPhrase(String sentence) {
        return sentence != null && startPhrases.get().contains(sentence);
    }

    public List<String> all() {
        return names.get();
    }

    public boolean contains(String category) {
        return category != null && all().contains(category);
    }

    /** A resident's pick, by number (1-based, half- or full-width digits) or by the category's name. */
    public Optional<String> pick(String answer) {
        String text = answer == null ? "" : answer.strip();
        List<String> current = all();
        if (current.contains(text)) {
            return Optional.of(text);
        }
        String digits = toAsciiDigits(text);
        if (digits.matches("[0-9]{1,2}")) {
            int number = Integer.parseInt(digits);
            if (number >= 1 && number <= current.size()) {
                return Optional.of(current.get(number - 1));
            }
        }
        return Optional.empty();
    }

    /** "1. 养老" per line, as the chat shows the choice. */
    public String numberedList() {
        List<String> current = all();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < current.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(i + 1).append(". ").append(current.get(i));
        }
        return out.toString();
    }

    private static String toAsciiDigits(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.appendCodePoint(c >= '０' && c <= '９' ? c - '０' + '0' : c));
        return out.toString();
    }
}
