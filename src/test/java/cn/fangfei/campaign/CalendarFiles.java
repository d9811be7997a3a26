package cn.fangfei.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A campaigns.yml written by a test into its own directory. */
final class CalendarFiles {
    private CalendarFiles() {
    }

    static void write(Path dir, String yaml) {
        try {
            Files.writeString(dir.resolve(CampaignsFile.NAME), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
