package cn.fangfei.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.stereotype.Component;

/**
 * AES-256-GCM with a fresh random 12-byte IV per value. The context (e.g. "tip-id|what") is bound in
 * as associated data, so a ciphertext copied to another record or field fails to open instead of
 * showing the wrong text. Each ciphertext starts with the id of its key.
 */
@Component
public class Sealer {
    private static final String ALGORITHM = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte BINARY_VERSION = 1;

    private final KeyRing keys;
    private final SecureRandom random = new SecureRandom();

    public Sealer(KeyRing keys) {
        this.keys = keys;
    }

    /** The id of the key new values are sealed with. */
    public String keyId() {
        return keys.currentId();
    }

    /** Text form: {@code <key id>.<base64url(iv | ciphertext | tag)>}. */
    public String seal(String text, String context) {
        byte[] sealed = encrypt(keys.current(), text.getBytes(StandardCharsets.UTF_8), context);
        return keys.currentId() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    public String open(String sealed, String context) {
        int dot = sealed.indexOf('.');
        if (dot <= 0) {
            throw new SealedValueException("not a sealed value");
        }
        SecretKey key = keys.byId(sealed.substring(0, dot))
                .orElseThrow(() -> new SealedValueException("sealed with an unknown key " + sealed.substring(0, dot)));
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(sealed.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new SealedValueException("not a sealed value");
        }
        return new String(decrypt(key, raw, 0, context), StandardCharsets.UTF_8);
    }

    /** Binary form, for attachments: {@code 1 | key id length | key id | iv | ciphertext | tag}. */
    public byte[] seal(byte[] data, String context) {
        byte[] id = keys.currentId().getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = encrypt(keys.current(), data, context);
        return ByteBuffer.allocate(2 + id.length + sealed.length)
                .put(BINARY_VERSION).put((byte) id.length).put(id).put(sealed).array();
    }

    public byte[] open(byte[] sealed, String context) {
        if (sealed.length < 2 || sealed[0] != BINARY_VERSION || sealed.length < 2 + sealed[1]) {
            throw new SealedValueException("not a sealed value");
        }
        String id = new String(sealed, 2, sealed[1], StandardCharsets.US_ASCII);
        SecretKey key = keys.byId(id).orElseThrow(() -> new SealedValueException("sealed with an unknown key " + id));
        return decrypt(key, sealed, 2 + sealed[1], context);
    }

    private byte[] encrypt(SecretKey key, byte[] plain, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + cipher.getOutputSize(plain.length)];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            cipher.doFinal(plain, 0, plain.length, out, IV_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] raw, int offset, String context) {
        if (raw.length - offset < IV_BYTES + TAG_BITS / 8) {
            throw new SealedValueException("sealed value too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, offset, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(raw, offset + IV_BYTES, raw.length - offset - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new SealedValueException("sealed value does not open: wrong key, context or tampered");
        }
    }
}
