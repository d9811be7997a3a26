package cn.fangfei.faq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import cn.fangfei.content.ContentException;
import cn.fangfei.content.TextLines;
import cn.fangfei.content.YamlFile;

/**
 * Reads and checks the engine's part of content/. Every problem is reported with the file and line
 * an editor has to fix; nothing is returned unless all of it is usable.
 */
final class FaqContentLoader {
    static final int MAX_ANSWER_CHARS = 600;
    private static final int MIN_PHRASINGS = 3;
    static final Pattern TOPIC_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private FaqContentLoader() {
    }

    static FaqContent load(Path dir) {
        List<FaqEntry> entries = entries(dir.resolve("faq"));
        YamlFile.Section smalltalk = YamlFile.read(dir.resolve("smalltalk.yml")).root();
        return new FaqContent(
                entries,
                dictionary(dir.resolve("dictionary.txt")),
                synonyms(dir.resolve("synonyms.txt")),
                lines(dir.resolve("fillers.txt")),
                new LinkedHashSet<>(lines(dir.resolve("stopwords.txt"))),
                new LinkedHashSet<>(smalltalk.strings("greeting")),
                new LinkedHashSet<>(smalltalk.strings("thanks")),
                lines(dir.resolve("other-offices.txt")),
                riskCheck(dir.resolve("risk-signals.yml")));
    }

    private static List<FaqEntry> entries(Path faqDir) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(faqDir)) {
            files = listing.filter(path -> path.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new ContentException(faqDir, 0, "无法读取问答目录: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new ContentException(faqDir, 0, "问答目录里没有 .yml 文件");
        }
        Map<String, FaqEntry> byId = new LinkedHashMap<>();
        Map<String, YamlFile.Section> sections = new HashMap<>();
        for (Path file : files) {
            YamlFile.Section root = YamlFile.read(file).root();
            FaqEntry entry = entry(root, file);
            byId.put(entry.id(), entry);
            sections.put(entry.id(), root);
        }
        for (FaqEntry entry : byId.values()) {
            for (String related : entry.related()) {
                if (!byId.containsKey(related)) {
                    throw sections.get(entry.id()).errorAt("related", "相关话题 " + related + " 不存在");
                }
            }
        }
        return List.copyOf(byId.values());
    }

    private static FaqEntry entry(YamlFile.Section root, Path file) {
        String id = root.string("id");
        String expectedId = file.getFileName().toString().replaceFirst("\\.yml$", "");
        if (!TOPIC_ID.matcher(id).matches()) {
            throw root.errorAt("id", "话题 id 只能用小写字母、数字和连字符: " + id);
        }
        if (!id.equals(expectedId)) {
            throw root.errorAt("id", "话题 id " + id + " 与文件名 " + expectedId + " 不一致");
        }
        List<String> phrasings = root.strings("phrasings");
        if (phrasings.size() < MIN_PHRASINGS) {
            throw root.errorAt("phrasings", "至少需要 " + MIN_PHRASINGS + " 种问法");
        }
        String answer = root.string("answer");
        if (answer.length() > MAX_ANSWER_CHARS) {
            throw root.errorAt("answer", "回答有 " + answer.length() + " 字,聊天气泡最多 " + MAX_ANSWER_CHARS
                    + " 字;长内容请写在 article 中");
        }
        return new FaqEntry(id, root.string("title"), phrasings, answer,
                root.optionalString("article", answer), root.strings("legal_basis"), root.strings("related"));
    }

    /** term → HanLP nature and frequency, e.g. "nz 1000". */
    private static Map<String, String> dictionary(Path file) {
        Map<String, String> terms = new LinkedHashMap<>();
        for (TextLines.Line line : TextLines.read(file)) {
            String[] parts = line.text().split("\\s+");
            if (parts.length > 3) {
                throw line.error("每行应为“词 词性 词频”,例如“非法集资 nz 1000”");
            }
            if (parts.length == 3 && !parts[2].matches("\\d{1,7}")) {
                throw line.error("词频应该是数字: " + parts[2]);
            }
            String nature = parts.length >= 2 ? parts[1] : "nz";
            String frequency = parts.length == 3 ? parts[2] : "1000";
            terms.put(TextNormalizer.toHalfWidth(parts[0]).toLowerCase(), nature + " " + frequency);
        }
        return terms;
    }

    /** variant → canonical (first word of its line); a word may belong to one group only. */
    private static Map<String, String> synonyms(Path file) {
        Map<String, String> canonical = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (TextLines.Line line : TextLines.read(file)) {
            String[] words = line.text().split("\\s+");
            if (words.length < 2) {
                throw line.error("一组同义词至少要有两个词,用空格隔开");
            }
            for (String word : words) {
                Integer earlier = lineOf.putIfAbsent(word, line.number());
                if (earlier != null) {
                    throw line.error("“" + word + "”已经出现在第" + earlier + "行,一个词只能属于一组");
                }
                if (!word.equals(words[0])) {
                    canonical.put(word, words[0]);
                }
            }
        }
        return canonical;
    }

    private static List<String> lines(Path file) {
        return TextLines.read(file).stream().map(TextLines.Line::text).toList();
    }

    private static RiskCheck riskCheck(Path file) {
        YamlFile.Section root = YamlFile.read(file).root();
        List<RiskFeature> features = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlFile.Section feature : root.sections("features")) {
            String id = feature.string("id");
            if (!ids.add(id)) {
                throw feature.errorAt("id", "特征 " + id + " 重复");
            }
            List<Pattern> patterns = new ArrayList<>();
            for (String regex : feature.strings("patterns")) {
                try {
                    patterns.add(Pattern.compile(regex));
                } catch (PatternSyntaxException e) {
                    throw feature.errorAt("patterns", "正则表达式有误: " + regex);
                }
            }
            List<String> signals = feature.strings("signals");
            if (signals.isEmpty() && patterns.isEmpty()) {
                throw feature.error("特征 " + id + " 既没有 signals 也没有 patterns");
            }
            features.add(new RiskFeature(id, feature.string("name"), feature.string("explain"), signals, patterns));
        }
        if (features.size() != 4) {
            throw root.errorAt("features", "应当正好列出非法集资的四个特征,现在有 " + features.size() + " 个");
        }
        return new RiskCheck(features, root.string("advice"));
    }
}
