package cn.fangfei.tip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import redis.clients.jedis.exceptions.JedisConnectionException;

/** The spool file on its own: what a crash or a damaged disk leaves behind. */
class TipSpoolFileTest {
    @TempDir
    Path dir;

    @Test
    void recordsComeBackInOrderWithTheirFilesAndTheFileGoes() throws IOException {
        TipSpool spool = spool();
        spool.append(tip("20250101-AAAAAAAAAA", List.of(new byte[] {1, 2, 3})));
        spool.append(tip("20250101-BBBBBBBBBB", List.of()));
        assertThat(spool.holds("20250101-AAAAAAAAAA")).isTrue();

        List<SealedTip> replayed = new ArrayList<>();
        assertThat(spool.drain(replayed::add)).isEqualTo(2);

        assertThat(replayed).extracting(SealedTip::id).containsExactly("20250101-AAAAAAAAAA", "20250101-BBBBBBBBBB");
        assertThat(replayed.get(0).files().get(0)).containsExactly(1, 2, 3);
        assertThat(replayed.get(0).what()).isEqualTo("sealed-what");
        assertThat(spool.isEmpty()).isTrue();
        assertThat(spool.holds("20250101-AAAAAAAAAA")).isFalse();
    }

    /** The app died while writing: the half record was never acknowledged, so skipping it loses nothing. */
    @Test
    void aRecordCutShortByACrashIsSkipped() throws IOException {
        TipSpool spool = spool();
        spool.append(tip("20250101-AAAAAAAAAA", List.of()));
        Path file = spoolFiles().get(0);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2), StandardOpenOption.APPEND);

        List<SealedTip> replayed = new ArrayList<>();
        spool().drain(replayed::add);

        assertThat(replayed).extracting(SealedTip::id).containsExactly("20250101-AAAAAAAAAA");
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void whenRedisFailsMidReplayTheFileStaysForTheNextRound() throws IOException {
        TipSpool spool = spool();
        spool.append(tip("20250101-AAAAAAAAAA", List.of()));
        spool.append(tip("20250101-BBBBBBBBBB", List.of()));

        assertThatThrownBy(() -> spool.drain(tip -> {
            throw new JedisConnectionException("down");
        })).isInstanceOf(JedisConnectionException.class);

        assertThat(spool.isEmpty()).isFalse();
        List<SealedTip> replayed = new ArrayList<>();
        spool.drain(replayed::add);
        assertThat(replayed).hasSize(2);
    }

    /** A flipped byte in the first record: the records after it are still found and replayed. */
    @Test
    void aDamagedFileGivesUpItsGoodRecordsAndIsKeptAsideForInspection() throws IOException {
        TipSpool spool = spool();
        spool.append(tip("20250101-AAAAAAAAAA", List.of()));
        spool.append(tip("20250101-BBBBBBBBBB", List.of()));
        spool.append(tip("20250101-CCCCCCCCCC", List.of()));
        Path file = spoolFiles().get(0);
        byte[] bytes = Files.readAllBytes(file);
        bytes[20] ^= 0x5A;
        Files.write(file, bytes);

        List<SealedTip> replayed = new ArrayList<>();
        spool.drain(replayed::add);

        assertThat(replayed).extracting(SealedTip::id).containsExactly("20250101-BBBBBBBBBB", "20250101-CCCCCCCCCC");
        try (Stream<Path> files = Files.list(dir.resolve("tip-spool"))) {
            assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString().endsWith(".damaged");
        }
    }

    /** Sealed, but still tips: other users on the server must not even copy them. */
    @Test
    void theSpoolFileIsReadableByTheAppsUserOnly() throws IOException {
        spool().append(tip("20250101-CCCCCCCCCC", List.of()));
        assertThat(spoolFiles()).singleElement().satisfies(file ->
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------"));
    }

    private TipSpool spool() {
        return new TipSpool(new TipProperties(dir, 0, 0, null, null, null, null, null, null, null, null, null, null));
    }

    private List<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("tip-spool"))) {
            return files.toList();
        }
    }

    private static SealedTip tip(String id, List<byte[]> files) {
        return new SealedTip(id, "hash", "养老", Channel.WEB, 1_700_000_000_000L, "k1", "sealed-what", "sealed-where", "",
                files, false);
    }
}
