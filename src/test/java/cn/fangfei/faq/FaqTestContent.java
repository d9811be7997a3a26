package cn.fangfei.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import cn.fangfei.support.ContentCopy;

/** A private copy of content/ for tests that write files, restored to the shipped state before each test. */
public final class FaqTestContent {
    private FaqTestContent() {
    }

    public static Path copy() {
        try {
            Path dir = Files.createTempDirectory("fangfei-content");
            return ContentCopy.of(dir.resolve("content"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void restore(Path copy) {
        try (Stream<Path> files = Files.walk(copy)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ContentCopy.of(copy);
    }
}
