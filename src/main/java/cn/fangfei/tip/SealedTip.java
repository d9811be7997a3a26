package cn.fangfei.tip;

import java.util.List;

/**
 * A tip ready for Redis or the spool: its id and receipt hash decided, the resident's words and files
 * sealed. Replaying it any number of times stores it once.
 *
 * @param draftFiles whether a WeChat draft's images already wait under {@link TipKeys#files}
 */
public record SealedTip(String id, String receiptHash, String category, Channel channel, long createdMillis,
        String keyId, String what, String where, String contact, List<byte[]> files, boolean draftFiles) {
    public SealedTip {
        files = List.copyOf(files);
    }
}
