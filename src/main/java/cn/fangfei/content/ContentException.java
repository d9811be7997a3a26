package cn.fangfei.content;

import java.nio.file.Path;

/** A content file that cannot be used, with the file and line an editor has to fix. */
public class ContentException extends RuntimeException {
    private final Path file;
    private final int line;
    private final String problem;

    public ContentException(Path file, int line, String problem) {
        super(describe(file, line, problem));
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** 1-based; 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }

    /** What is wrong, without the file and line, so a loader can say which entry it belongs to. */
    public String problem() {
        return problem;
    }

    private static String describe(Path file, int line, String problem) {
        return line > 0 ? file + " 第" + line + "行: " + problem : file + ": " + problem;
    }
}
