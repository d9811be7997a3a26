package cn.fangfei.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The meaningful lines of a plain-text content file: blank lines and # comments dropped, numbers kept for errors. */
public final class TextLines {
    public record Line(Path file, int number, String text) {
        public ContentException error(String problem) {
            return new ContentException(file, number, problem);
        }
    }

    private TextLines() {
    }

    public static List<Line> read(Path file) {
        String[] raw = YamlFile.readUtf8(file).split("\r?\n", -1);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            String text = raw[i].strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                lines.add(new Line(file, i + 1, text));
            }
        }
        return lines;
    }
}
