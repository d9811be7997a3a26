package cn.fangfei.crypto;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The current data key, which encrypts everything new, and retired keys, which only decrypt. Every
 * ciphertext names its key, so a key can be rotated without re-encrypting what is stored.
 */
public final class KeyRing {
    static final int KEY_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");

    private final String currentId;
    private final Map<String, SecretKey> keys;

    private KeyRing(String currentId, Map<String, SecretKey> keys) {
        this.currentId = currentId;
        this.keys = Collections.unmodifiableMap(keys);
    }

    /**
     * Reads the configured keys; any problem stops the app with a message naming the setting, since
     * guessing at a key would make stored tips unreadable.
     */
    public static KeyRing of(String currentBase64, String currentId, String oldKeys) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        keys.put(checkedId(currentId, "FANGFEI_DATA_KEY_ID"), decode(currentBase64, "FANGFEI_DATA_KEY"));
        if (!oldKeys.isBlank()) {
            for (String entry : oldKeys.split(",")) {
                String[] parts = entry.strip().split(":", 2);
                if (parts.length != 2) {
                    throw new IllegalStateException("FANGFEI_DATA_OLD_KEYS: each entry must be id:base64, got \"" + entry.strip() + "\"");
                }
                String id = checkedId(parts[0].strip(), "FANGFEI_DATA_OLD_KEYS");
                if (keys.containsKey(id)) {
                    throw new IllegalStateException("FANGFEI_DATA_OLD_KEYS: key id " + id + " is used twice");
                }
                keys.put(id, decode(parts[1].strip(), "FANGFEI_DATA_OLD_KEYS (" + id + ")"));
            }
        }
        return new KeyRing(currentId, keys);
    }

    public String currentId() {
        return currentId;
    }

    public SecretKey current() {
        return keys.get(currentId);
    }

    public Optional<SecretKey> byId(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    /** Every key, the current one first: lookups by keyed hash try them in this order. */
    public List<SecretKey> all() {
        return List.copyOf(keys.values());
    }

    private static String checkedId(String id, String setting) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalStateException(setting + ": a key id is 1 to 16 letters, digits, - or _");
        }
        return id;
    }

    private static SecretKey decode(String base64, String setting) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not valid base64 (create one with: openssl rand -base64 32)");
        }
        if (raw.length != KEY_BYTES) {
            throw new IllegalStateException(setting + " must be 32 bytes (base64 of 32 random bytes, e.g. openssl rand -base64 32), got "
                    + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }
}
