package cn.fangfei.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * HMAC-SHA256 under keys derived from the data key (HKDF, one per purpose), so that a receipt code, an
 * openid or an IP address can be looked up or counted without being stored. Without the data key the
 * hashes cannot be tested against guesses.
 */
@Component
public class KeyedHash {
    private static final String HMAC = "HmacSHA256";
    private static final byte[] SALT = "fangfei keyed hash v1".getBytes(StandardCharsets.UTF_8);

    private final KeyRing keys;

    public KeyedHash(KeyRing keys) {
        this.keys = keys;
    }

    /** The hash under the current key, as lower-case hex. */
    public String hex(String purpose, String value) {
        return hex(keys.current(), purpose, value);
    }

    /** The hash under every configured key, the current first: what was stored before a key rotation is still found. */
    public List<String> hexUnderEveryKey(String purpose, String value) {
        return keys.all().stream().map(key -> hex(key, purpose, value)).toList();
    }

    private static String hex(SecretKey key, String purpose, String value) {
        byte[] derived = hkdf(key.getEncoded(), purpose);
        return HexFormat.of().formatHex(hmac(derived, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** RFC 5869 with one output block, which is all a 32-byte HMAC key needs. */
    private static byte[] hkdf(byte[] inputKey, String purpose) {
        byte[] prk = hmac(SALT, inputKey);
        byte[] info = purpose.getBytes(StandardCharsets.UTF_8);
        byte[] block = new byte[info.length + 1];
        System.arraycopy(info, 0, block, 0, info.length);
        block[info.length] = 1;
        return hmac(prk, block);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
