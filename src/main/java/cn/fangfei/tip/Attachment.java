package cn.fangfei.tip;

/** An attachment after cleaning: its type as read from its content, and bytes without metadata. */
public record Attachment(FileType type, byte[] data) {
}
