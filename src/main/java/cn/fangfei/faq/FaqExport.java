package cn.fangfei.faq;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.fangfei.content.ContentException;
import cn.fangfei.content.ContentProperties;
import cn.fangfei.content.YamlFile;
import cn.fangfei.redis.RedisLock;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * Writes the overlay into content/, where it becomes part of the files editors keep: added phrasings
 * go under {@code phrasings:} of their topic's file (the rest of the file stays as it was), new topics
 * become new files. The result is loaded with the same loader as the app's content and compared with
 * the overlay before any file is replaced, and files are replaced by an atomic move; only then are the
 * exported entries dropped from the overlay. Where content/ is read-only (the deployments mount it so),
 * the same checked files are offered as a download instead, and {@link #prune} drops the additions
 * once the files are in place.
 */
@Service
public class FaqExport {
    private static final Logger log = LoggerFactory.getLogger(FaqExport.class);

    /** What an export wrote: files relative to content/, and how many additions they hold. */
    public record Result(List<String> files, int phrasings, int topics) {
        public boolean isEmpty() {
            return files.isEmpty();
        }
    }

    private final AnswerEngine engine;
    private final FaqOverlayStore store;
    private final FaqOverlaySync sync;
    private final ContentProperties content;
    private final Pool<Jedis> redis;

    FaqExport(AnswerEngine engine, FaqOverlayStore store, FaqOverlaySync sync, ContentProperties content,
              Pool<Jedis> redis) {
        this.engine = engine;
        this.store = store;
        this.sync = sync;
        this.content = content;
        this.redis = redis;
    }

    /** The files an export would write, zipped under content/, for a deployment whose content/ is read-only. */
    public record Archive(byte[] zip, List<String> files) {
    }

    /** Throws {@link IllegalArgumentException} with a message for the editor when nothing could be written. */
    public Result export() {
        RedisLock lock = new RedisLock(redis, FaqKeys.EXPORT_LOCK, FaqKeys.EXPORT_LEASE);
        if (!lock.tryLock()) {
            throw new IllegalArgumentException("另一位同事正在导出,请稍后再试");
        }
        try {
            sync.refresh();
            FaqOverlay overlay = engine.overlay();
            if (overlay.isEmpty()) {
                return new Result(List.of(), 0, 0);
            }
            Path dir = content.dir().toAbsolutePath().normalize();
            if (!Files.isWritable(dir.resolve("faq"))) {
                throw new IllegalArgumentException("这台服务器上的内容目录是只读的(部署时的做法),无法直接写入。"
                        + "请点“下载导出文件”,把压缩包里的文件放进 content/ 并更新部署,然后点“清理已写入文件的新增”");
            }
            Map<String, String> files = checkedPlan(dir, overlay);
            for (Map.Entry<String, String> file : files.entrySet()) {
                replace(dir.resolve(file.getKey()), file.getValue());
            }
            store.clearExported(overlay);
            sync.refresh();
            int phrasings = overlay.phrasings().values().stream().mapToInt(List::size).sum();
            log.info("exported the editors' additions to {}: {}", dir, files.keySet());
            return new Result(List.copyOf(files.keySet()), phrasings, overlay.topics().size());
        } finally {
            lock.unlock();
        }
    }

    /** The same files as {@link #export()} would write, checked the same way; nothing is changed. */
    public Archive download() {
        sync.refresh();
        FaqOverlay overlay = engine.overlay();
        if (overlay.isEmpty()) {
            throw new IllegalArgumentException("没有需要导出的新增内容");
        }
        Map<String, String> files = checkedPlan(content.dir().toAbsolutePath().normalize(), overlay);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry("content/" + file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot zip the export", e);
        }
        return new Archive(bytes.toByteArray(), List.copyOf(files.keySet()));
    }

    /**
     * Drops the additions that content/ now holds (its files were replaced by a downloaded export), so
     * the overlay lists only what is still to be exported. Returns how many additions were dropped.
     */
    public int prune() {
        sync.refresh();
        FaqOverlay overlay = engine.overlay();
        Map<String, FaqEntry> files = new LinkedHashMap<>();
        engine.fileTopics().forEach(topic -> files.put(topic.id(), topic));
        Map<String, List<String>> phrasings = new LinkedHashMap<>();
        overlay.phrasings().forEach((topic, added) -> {
            List<String> contained = files.containsKey(topic)
                    ? added.stream().filter(files.get(topic).phrasings()::contains).toList() : List.of();
            if (!contained.isEmpty()) {
                phrasings.put(topic, contained);
            }
        });
        List<FaqEntry> topics = overlay.topics().stream().filter(topic -> files.containsKey(topic.id())).toList();
        int count = phrasings.values().stream().mapToInt(List::size).sum() + topics.size();
        if (count > 0) {
            store.clearExported(new FaqOverlay(overlay.version(), overlay.exports(), phrasings, topics));
            sync.refresh();
        }
        return count;
    }

    private static Map<String, String> checkedPlan(Path dir, FaqOverlay overlay) {
        Map<String, String> files;
        try {
            files = plan(dir, overlay);
        } catch (ContentException e) {
            throw new IllegalArgumentException("内容文件需要先手工修改,没有导出任何文件:" + e.getMessage());
        }
        check(dir, files, overlay);
        return files;
    }

    /** File (relative to content/) → its new text. */
    private static Map<String, String> plan(Path dir, FaqOverlay overlay) {
        Map<String, String> files = new LinkedHashMap<>();
        for (FaqEntry topic : overlay.topics()) {
            String name = "faq/" + topic.id() + ".yml";
            if (Files.exists(dir.resolve(name))) {
                throw new IllegalArgumentException("content/" + name + " 已经存在,新话题 " + topic.id()
                        + " 无法导出;请先在后台删除这个新话题,或换一个编号重新创建");
            }
            List<String> phrasings = new ArrayList<>(topic.phrasings());
            overlay.phrasingsOf(topic.id()).stream().filter(p -> !phrasings.contains(p)).forEach(phrasings::add);
            files.put(name, FaqYaml.newTopic(topic, phrasings));
        }
        for (Map.Entry<String, List<String>> added : overlay.phrasings().entrySet()) {
            if (overlay.isNewTopic(added.getKey())) {
                continue;
            }
            String name = "faq/" + added.getKey() + ".yml";
            Path file = dir.resolve(name);
            if (!Files.exists(file)) {
                throw new IllegalArgumentException("话题 " + added.getKey() + " 的文件 content/" + name
                        + " 不存在,无法导出为它添加的问法");
            }
            Set<String> present = new HashSet<>(YamlFile.read(file).root().strings("phrasings"));
            List<String> missing = added.getValue().stream().filter(p -> !present.contains(p)).toList();
            if (!missing.isEmpty()) {
                files.put(name, FaqYaml.addPhrasings(YamlFile.readUtf8(file), missing, file));
            }
        }
        return files;
    }

    /**
     * Loads a copy of content/ with the new files, as the app would, and checks that it reads back
     * exactly what the overlay holds; any difference stops the export before a file is touched.
     */
    private static void check(Path dir, Map<String, String> files, FaqOverlay overlay) {
        Path copy = null;
        try {
            copy = Files.createTempDirectory("fangfei-export");
            copyTree(dir, copy);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(copy.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            FaqContent loaded = FaqContentLoader.load(copy);
            Map<String, FaqEntry> byId = new LinkedHashMap<>();
            loaded.entries().forEach(entry -> byId.put(entry.id(), entry));
            for (FaqEntry topic : overlay.topics()) {
                FaqEntry read = byId.get(topic.id());
                if (read == null || !read.title().equals(topic.title()) || !read.answer().equals(topic.answer())
                        || !read.phrasings().containsAll(topic.phrasings())) {
                    throw new IllegalArgumentException("新话题 " + topic.id() + " 写入后读回的内容不一致,没有导出任何文件");
                }
            }
            overlay.phrasings().forEach((topic, phrasings) -> {
                FaqEntry read = byId.get(topic);
                if (read == null || !read.phrasings().containsAll(phrasings)) {
                    throw new IllegalArgumentException("话题 " + topic + " 的问法写入后读回不一致,没有导出任何文件");
                }
            });
        } catch (ContentException e) {
            String where = copy == null ? e.getMessage() : e.getMessage().replace(copy.toString(), "content");
            throw new IllegalArgumentException("导出的内容没有通过检查,没有导出任何文件:" + where);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the export check", e);
        } finally {
            if (copy != null) {
                deleteTree(copy);
            }
        }
    }

    /** Next to the file, then renamed over it: a reader sees the old file or the new one, never half of it. */
    private static void replace(Path file, String text) {
        Path temp = file.resolveSibling("." + file.getFileName() + ".export");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            log.warn("cannot write {}: {}", file, e.toString());
            throw new IllegalArgumentException("无法写入 content/" + file.getParent().getFileName() + "/"
                    + file.getFileName() + "(" + e.getClass().getSimpleName() + "),新增内容仍保留在后台、继续生效。"
                    + "请改用“下载导出文件”");
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete the export check's copy {}: {}", dir, e.getMessage());
        }
    }
}
