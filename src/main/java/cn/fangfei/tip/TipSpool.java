package cn.fangfei.tip;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where a tip goes when Redis cannot take it: appended, already sealed, to a local file and fsynced
 * before the resident is told it was received. {@link TipSubmissions} replays the file into Redis when
 * Redis is back; the insert is idempotent, so a record replayed twice (after a crash mid-replay) is
 * stored once.
 *
 * <p>Layout: records of {@code magic | length | payload | crc32}. A record cut short by a crash was
 * never acknowledged (the fsync had not returned) and is skipped; records after a damaged stretch are
 * still found by their magic number and checksum.
 */
@Component
public class TipSpool {
    private static final Logger log = LoggerFactory.getLogger(TipSpool.class);
    private static final int MAGIC = 0x46465350;
    private static final int VERSION = 1;
    private static final String ACTIVE = "tips.spool";
    private static final String REPLAYING_PREFIX = "replay-";
    private static final String REPLAYING_SUFFIX = ".spool";
    /** Far above any real record (five 5 MB attachments); a larger length means the file is damaged. */
    private static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;

    private final Path dir;
    private final Set<String> spooledIds = ConcurrentHashMap.newKeySet();

    public TipSpool(TipProperties properties) {
        this.dir = properties.dataDir().resolve("tip-spool").toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the tip spool directory " + dir, e);
        }
        int waiting = readAllWaiting().size();
        if (waiting > 0) {
            log.warn("{} tips are waiting in the spool {} and will be replayed into Redis", waiting, dir);
        }
    }

    /** Returns once the record is on disk; throws if it could not be made durable. */
    public synchronized void append(SealedTip tip) throws IOException {
        byte[] payload = encode(tip);
        CRC32 crc = new CRC32();
        crc.update(payload);
        ByteBuffer record = ByteBuffer.allocate(16 + payload.length)
                .putInt(MAGIC).putInt(payload.length).put(payload).putLong(crc.getValue());
        record.flip();
        Path file = dir.resolve(ACTIVE);
        boolean created = !Files.exists(file);
        try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), ownerOnly())) {
            while (record.hasRemaining()) {
                channel.write(record);
            }
            channel.force(true);
        }
        if (created) {
            syncDirectory();
        }
        spooledIds.add(tip.id());
    }

    /** Sealed tips are still tips: only the app's own user may read the file (mode 0600 where POSIX). */
    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    /** Whether this instance holds the tip in its spool, not yet replayed. */
    public boolean holds(String tipId) {
        return spooledIds.contains(tipId);
    }

    public boolean isEmpty() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.noneMatch(file -> isSpoolFile(file) && sizeOf(file) > 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Hands every spooled tip to {@code store}, oldest first, and removes a file once all its tips were
     * stored. When {@code store} throws (Redis went away again) the rest stays for the next round.
     */
    public int drain(Consumer<SealedTip> store) {
        rotateActiveFile();
        int stored = 0;
        for (Path file : replayingFiles()) {
            Contents contents = read(file);
            for (SealedTip tip : contents.tips()) {
                store.accept(tip);
                spooledIds.remove(tip.id());
                stored++;
            }
            try {
                if (contents.damaged()) {
                    Files.move(file, file.resolveSibling(file.getFileName() + ".damaged"));
                } else {
                    Files.delete(file);
                }
                syncDirectory();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the replayed spool file " + file, e);
            }
        }
        return stored;
    }

    /** New tips go to a fresh file while the old one is replayed, so appends never wait for Redis. */
    private synchronized void rotateActiveFile() {
        Path active = dir.resolve(ACTIVE);
        if (sizeOf(active) <= 0) {
            return;
        }
        try {
            Files.move(active, dir.resolve(REPLAYING_PREFIX + System.currentTimeMillis() + "-" + System.nanoTime()
                    + REPLAYING_SUFFIX), StandardCopyOption.ATOMIC_MOVE);
            syncDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate the spool file " + active, e);
        }
    }

    private List<Path> replayingFiles() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().startsWith(REPLAYING_PREFIX)
                    && file.getFileName().toString().endsWith(REPLAYING_SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<SealedTip> readAllWaiting() {
        List<SealedTip> all = new ArrayList<>();
        replayingFiles().forEach(file -> all.addAll(read(file).tips()));
        Path active = dir.resolve(ACTIVE);
        if (sizeOf(active) > 0) {
            all.addAll(read(active).tips());
        }
        all.forEach(tip -> spooledIds.add(tip.id()));
        return all;
    }

    /** The records of a file; damaged when something other than a torn last record is wrong with it. */
    record Contents(List<SealedTip> tips, boolean damaged) {
    }

    /**
     * Reads every intact record. Bytes that are not a record are skipped up to the next record that
     * checks out: at the end of the file they are a record a crash cut short (never acknowledged);
     * anywhere else the file is damaged, and is kept aside once replayed.
     */
    static Contents read(Path file) {
        List<SealedTip> tips = new ArrayList<>();
        boolean damaged = false;
        boolean torn = false;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            int pos = 0;
            while (pos < data.limit()) {
                int length = recordAt(data, pos);
                if (length >= 0) {
                    byte[] payload = new byte[length];
                    data.get(pos + 8, payload);
                    tips.add(decode(payload));
                    pos += 16 + length;
                    continue;
                }
                int next = nextRecord(data, pos + 1);
                if (next < 0) {
                    torn = true;
                    break;
                }
                damaged = true;
                pos = next;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spool file " + file, e);
        }
        if (damaged) {
            log.error("spool file {} is damaged; its {} good records are replayed and it is kept as .damaged for inspection",
                    file, tips.size());
        } else if (torn) {
            log.warn("spool file {}: a record cut short by a crash is skipped (it was never acknowledged)", file);
        }
        return new Contents(tips, damaged);
    }

    /** The payload length of an intact record at {@code pos}, or -1. */
    private static int recordAt(ByteBuffer data, int pos) {
        if (data.limit() - pos < 16 || data.getInt(pos) != MAGIC) {
            return -1;
        }
        int length = data.getInt(pos + 4);
        if (length < 0 || length > MAX_RECORD_BYTES || data.limit() - pos - 16 < length) {
            return -1;
        }
        CRC32 crc = new CRC32();
        crc.update(data.slice(pos + 8, length));
        return crc.getValue() == data.getLong(pos + 8 + length) ? length : -1;
    }

    private static int nextRecord(ByteBuffer data, int from) {
        for (int pos = from; pos <= data.limit() - 16; pos++) {
            if (recordAt(data, pos) >= 0) {
                return pos;
            }
        }
        return -1;
    }

    private static byte[] encode(SealedTip tip) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            for (String text : List.of(tip.id(), tip.receiptHash(), tip.category(), tip.channel().name(), tip.keyId(),
                    tip.what(), tip.where(), tip.contact())) {
                writeText(out, text);
            }
            out.writeLong(tip.createdMillis());
            out.writeBoolean(tip.draftFiles());
            out.writeInt(tip.files().size());
            for (byte[] file : tip.files()) {
                out.writeInt(file.length);
                out.write(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static SealedTip decode(byte[] payload) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException("unknown spool record version " + version);
            }
            String id = readText(in);
            String receiptHash = readText(in);
            String category = readText(in);
            Channel channel = Channel.valueOf(readText(in));
            String keyId = readText(in);
            String what = readText(in);
            String where = readText(in);
            String contact = readText(in);
            long created = in.readLong();
            boolean draftFiles = in.readBoolean();
            int count = in.readInt();
            List<byte[]> files = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                files.add(readBytes(in));
            }
            return new SealedTip(id, receiptHash, category, channel, created, keyId, what, where, contact, files, draftFiles);
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }

    /** A file's name is durable only once its directory is synced. */
    private void syncDirectory() throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static boolean isSpoolFile(Path file) {
        String name = file.getFileName().toString();
        return name.equals(ACTIVE) || (name.startsWith(REPLAYING_PREFIX) && name.endsWith(REPLAYING_SUFFIX));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
