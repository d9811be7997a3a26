package cn.fangfei.content;

import java.nio.file.Path;

/**
 * A part of content/ that a feature owns. {@link #reload} parses and checks everything first and
 * swaps it in only when all of it is good, so a broken file never replaces working content.
 */
public interface ReloadableContent {
    /** Loads from the content directory; throws {@link ContentException} and keeps the old state on any problem. */
    void reload(Path contentDir);

    /** A short name for logs and the reload report, e.g. "faq". */
    String name();
}
