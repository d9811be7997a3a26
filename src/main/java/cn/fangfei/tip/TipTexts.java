package cn.fangfei.tip;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.fangfei.crypto.Sealer;

/**
 * Seals and opens the resident's words and files of one tip. The context binds each ciphertext to its
 * tip and field, so a value moved to another tip or field does not open.
 */
@Component
public class TipTexts {
    public static final String WHAT = "what";
    public static final String WHERE = "where";
    public static final String CONTACT = "contact";
    public static final String MESSAGE = "message";
    public static final String FILE = "file";

    private final Sealer sealer;

    public TipTexts(Sealer sealer) {
        this.sealer = sealer;
    }

    public String keyId() {
        return sealer.keyId();
    }

    public String seal(String tipId, String field, String text) {
        return sealer.seal(text, context(tipId, field));
    }

    /** Empty stays empty: an anonymous tip has no contact to seal. */
    public String sealOptional(String tipId, String field, String text) {
        return text.isEmpty() ? "" : seal(tipId, field, text);
    }

    public String open(String tipId, String field, String sealed) {
        return sealer.open(sealed, context(tipId, field));
    }

    public Optional<String> openOptional(String tipId, String field, String sealed) {
        return sealed == null || sealed.isEmpty() ? Optional.empty() : Optional.of(open(tipId, field, sealed));
    }

    /** An attachment: its type travels inside the ciphertext, as the first byte. */
    public byte[] sealFile(String tipId, Attachment attachment) {
        byte[] plain = new byte[attachment.data().length + 1];
        plain[0] = (byte) attachment.type().ordinal();
        System.arraycopy(attachment.data(), 0, plain, 1, attachment.data().length);
        return sealer.seal(plain, context(tipId, FILE));
    }

    public Attachment openFile(String tipId, byte[] sealed) {
        byte[] plain = sealer.open(sealed, context(tipId, FILE));
        byte[] data = new byte[plain.length - 1];
        System.arraycopy(plain, 1, data, 0, data.length);
        return new Attachment(FileType.values()[plain[0]], data);
    }

    private static String context(String tipId, String field) {
        return tipId + "|" + field;
    }
}
