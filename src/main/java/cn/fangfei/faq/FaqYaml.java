package cn.fangfei.faq;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import cn.fangfei.content.ContentException;

/**
 * Text edits of content/faq/*.yml that keep an editor's file as it was: comments, order, quoting and
 * line endings stay, and only the new lines are added. Each value is written by SnakeYAML, so quotes,
 * colons and '#' in residents' questions come out as valid YAML.
 */
final class FaqYaml {
    private static final Pattern PHRASINGS_KEY = Pattern.compile("^phrasings:\\s*(#.*)?$");
    private static final Pattern ITEM = Pattern.compile("^(\\s*)-(\\s|$).*");
    private static final String DEFAULT_INDENT = "  ";
    private static final Yaml SCALARS;

    static {
        DumperOptions options = new DumperOptions();
        options.setAllowUnicode(true);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        SCALARS = new Yaml(options);
    }

    private FaqYaml() {
    }

    /** {@code text} with {@code phrasings} appended to its {@code phrasings:} list. */
    static String addPhrasings(String text, List<String> phrasings, Path file) {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
        int key = -1;
        for (int i = 0; i < lines.size() && key < 0; i++) {
            if (PHRASINGS_KEY.matcher(lines.get(i)).matches()) {
                key = i;
            }
        }
        if (key < 0) {
            throw new ContentException(file, 0, "找不到单独一行的“phrasings:”(问法须写成每行“- ”开头的列表),请手工添加问法");
        }
        int last = key;
        String indent = DEFAULT_INDENT;
        for (int i = key + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            boolean item = ITEM.matcher(line).matches();
            if (!item && !Character.isWhitespace(line.charAt(0))) {
                break;
            }
            if (item) {
                indent = line.substring(0, line.indexOf('-'));
            }
            last = i;
        }
        String itemPrefix = indent + "- ";
        List<String> added = phrasings.stream().map(p -> itemPrefix + scalar(p)).toList();
        lines.addAll(last + 1, added);
        return String.join(newline, lines);
    }

    /** A whole new topic file, in the shape of the shipped ones. */
    static String newTopic(FaqEntry topic, List<String> phrasings) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("id: ").append(topic.id()).append('\n');
        yaml.append("title: ").append(scalar(topic.title())).append('\n');
        yaml.append("phrasings:\n");
        phrasings.forEach(p -> yaml.append(DEFAULT_INDENT).append("- ").append(scalar(p)).append('\n'));
        yaml.append("answer: |-\n");
        topic.answer().lines().forEach(line -> yaml.append(line.isEmpty() ? "" : DEFAULT_INDENT + line).append('\n'));
        return yaml.toString();
    }

    private static String scalar(String value) {
        return SCALARS.dump(value).strip();
    }
}
