package cn.fangfei.campaign.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** A campaigns.yml written by a test into its own directory. */
public final class CalendarFiles {
    private CalendarFiles() {
    }

    /** The shipped campaigns.yml, edited, in {@code dir}; returns {@code dir}. */
    public static Path copyOfShipped(Path dir, UnaryOperator<String> edit) {
        try {
            String shipped = Files.readString(Path.of("content", CampaignsFile.NAME), StandardCharsets.UTF_8);
            String edited = edit.apply(shipped);
            if (edited.equals(shipped)) {
                throw new IllegalArgumentException("the edit changed nothing");
            }
            write(dir, edited);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path dir, String yaml) {
        try {
            Files.writeString(dir.resolve(CampaignsFile.NAME), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
