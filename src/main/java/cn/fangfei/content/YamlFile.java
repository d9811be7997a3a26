package cn.fangfei.content;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A YAML content file read as a node tree, so that every complaint about it can name the line an
 * editor has to fix. Only plain mappings, lists and strings are accepted: no tags, no anchors.
 */
public final class YamlFile {
    private final Path path;
    private final Node root;

    private YamlFile(Path path, Node root) {
        this.path = path;
        this.root = root;
    }

    public static YamlFile read(Path path) {
        String text = readUtf8(path);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setCodePointLimit(1_000_000);
        try {
            Node root = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                    new DumperOptions(), options).compose(new StringReader(text));
            if (root == null) {
                throw new ContentException(path, 0, "文件是空的");
            }
            return new YamlFile(path, root);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ContentException(path, line, "YAML 格式错误: " + e.getProblem());
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new ContentException(path, 0, "YAML 无法读取: " + e.getMessage());
        }
    }

    public static String readUtf8(Path path) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(path)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ContentException(path, 0, "不是 UTF-8 编码");
        } catch (IOException e) {
            throw new ContentException(path, 0, "无法读取: " + e.getMessage());
        }
    }

    public Path path() {
        return path;
    }

    public Section root() {
        return new Section(this, root);
    }

    ContentException error(Node node, String problem) {
        return new ContentException(path, node.getStartMark().getLine() + 1, problem);
    }

    /** One mapping of the file, with typed getters that fail with the field's line. */
    public record Section(YamlFile file, Node node) {
        public Section {
            if (!(node instanceof MappingNode)) {
                throw file.error(node, "这里应该是“字段: 值”的形式");
            }
        }

        public int line() {
            return node.getStartMark().getLine() + 1;
        }

        public ContentException error(String problem) {
            return file.error(node, problem);
        }

        public boolean has(String key) {
            return fields().containsKey(key);
        }

        public String string(String key) {
            Node value = required(key);
            if (!(value instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                throw file.error(value, "字段 " + key + " 应该是一段非空文字");
            }
            return scalar.getValue().strip();
        }

        public String optionalString(String key, String fallback) {
            return has(key) ? string(key) : fallback;
        }

        public List<String> strings(String key) {
            if (!has(key)) {
                return List.of();
            }
            Node value = fields().get(key);
            if (value instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
                return List.of();
            }
            if (!(value instanceof SequenceNode sequence)) {
                throw file.error(value, "字段 " + key + " 应该是一个列表(每行以“- ”开头)");
            }
            List<String> out = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (!(item instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                    throw file.error(item, "字段 " + key + " 的每一项都应该是非空文字");
                }
                out.add(scalar.getValue().strip());
            }
            return out;
        }

        /** A field that may hold one text or a list of texts, e.g. {@code audience: all} or {@code audience: [老年人]}. */
        public List<String> oneOrMore(String key) {
            Node value = required(key);
            if (value instanceof ScalarNode) {
                return List.of(string(key));
            }
            List<String> out = strings(key);
            if (out.isEmpty()) {
                throw file.error(value, "字段 " + key + " 不能是空列表");
            }
            return out;
        }

        /** The field names of this mapping, in file order, to refuse misspelt ones. */
        public Set<String> keys() {
            return fields().keySet();
        }

        public List<Section> sections(String key) {
            Node value = required(key);
            if (!(value instanceof SequenceNode sequence)) {
                throw file.error(value, "字段 " + key + " 应该是一个列表");
            }
            return sequence.getValue().stream().map(item -> new Section(file, item)).toList();
        }

        public Section section(String key) {
            return new Section(file, required(key));
        }

        /** Every key of this mapping with its text value, for files that are flat tables. */
        public Map<String, String> stringTable() {
            Map<String, String> out = new LinkedHashMap<>();
            for (String key : fields().keySet()) {
                out.put(key, string(key));
            }
            return out;
        }

        /** Line of a field's value, for complaints about its meaning rather than its form. */
        public ContentException errorAt(String key, String problem) {
            return file.error(required(key), problem);
        }

        private Node required(String key) {
            Node value = fields().get(key);
            if (value == null) {
                throw file.error(node, "缺少字段 " + key);
            }
            return value;
        }

        private Map<String, Node> fields() {
            Map<String, Node> out = new LinkedHashMap<>();
            for (NodeTuple tuple : ((MappingNode) node).getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    throw file.error(tuple.getKeyNode(), "字段名应该是文字");
                }
                out.put(key.getValue(), tuple.getValueNode());
            }
            return out;
        }
    }
}
