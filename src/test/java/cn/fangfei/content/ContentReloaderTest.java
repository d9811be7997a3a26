package cn.fangfei.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.fangfei.faq.AnswerEngine;
import cn.fangfei.support.ContentCopy;

/** Editors' changes go live without a restart; a broken change is refused and the old content keeps serving. */
class ContentReloaderTest {
    @TempDir
    Path dir;

    @Test
    void aChangedFileIsReloadedAndABrokenOneIsRefusedWithItsLine() throws IOException {
        Path content = copyOfContent();
        Replies replies = new Replies(new OfficeContacts(null, null, null, null));
        ContentReloader reloader = new ContentReloader(new ContentProperties(content, Duration.ofSeconds(5)),
                List.of(replies, new AnswerEngine()));
        String original = replies.text("thanks");

        Path file = content.resolve("replies.yml");
        edit(file, Files.readString(file).replace("thanks: ", "thanks: 不用谢!"));
        reloader.reloadIfChanged();
        assertThat(replies.text("thanks")).startsWith("不用谢!").isNotEqualTo(original);

        edit(file, Files.readString(file) + "broken: [\n");
        reloader.reloadIfChanged();
        assertThat(replies.text("thanks")).startsWith("不用谢!");
        assertThat(reloader.rejectedParts()).containsKey("replies");
        assertThat(reloader.rejectedParts().get("replies")).contains("replies.yml").contains("行");
    }

    @Test
    void theReportNamesEveryPart() {
        ContentReloader reloader = new ContentReloader(new ContentProperties(copyOfContent(), Duration.ofSeconds(5)),
                List.of(new Replies(new OfficeContacts(null, null, null, null)), new AnswerEngine()));
        assertThat(reloader.reloadAll()).containsExactly("replies: ok", "faq: ok");
    }

    /** Writes and moves the modification time forward, so the change is seen even within the file system's time resolution. */
    private static void edit(Path file, String text) throws IOException {
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(before.toInstant().plusSeconds(1).isAfter(Instant.now())
                ? before.toInstant().plusSeconds(1) : Instant.now()));
    }

    private Path copyOfContent() {
        return ContentCopy.of(dir);
    }
}
