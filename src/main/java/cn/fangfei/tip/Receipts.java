package cn.fangfei.tip;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.fangfei.crypto.KeyedHash;

/**
 * Receipt codes: 16 random digits, shown to the resident once and stored only as a keyed hash, so that
 * neither Redis nor a backup of it can tell a code, and codes cannot be tested offline.
 */
@Component
public class Receipts {
    static final int DIGITS = 16;
    private static final String PURPOSE = "tip-receipt";

    private final KeyedHash hashes;
    private final SecureRandom random = new SecureRandom();

    public Receipts(KeyedHash hashes) {
        this.hashes = hashes;
    }

    public String newCode() {
        StringBuilder code = new StringBuilder(DIGITS);
        for (int i = 0; i < DIGITS; i++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        return code.toString();
    }

    public String hash(String code) {
        return hashes.hex(PURPOSE, code);
    }

    /** The code's hash under every configured key, so that codes issued before a key rotation still work. */
    public List<String> lookupHashes(String code) {
        return hashes.hexUnderEveryKey(PURPOSE, code);
    }

    /** The 16 digits of what a resident typed, allowing spaces, dashes and full-width digits. */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c >= '０' && c <= '９') {
                digits.append((char) (c - '０' + '0'));
            } else if (!Character.isWhitespace(c) && c != '-' && c != '－') {
                return Optional.empty();
            }
        }
        return digits.length() == DIGITS ? Optional.of(digits.toString()) : Optional.empty();
    }

    /** "1234 5678 9012 3456": easier to copy by hand. */
    public static String display(String code) {
        return code.substring(0, 4) + " " + code.substring(4, 8) + " " + code.substring(8, 12) + " " + code.substring(12);
    }
}
