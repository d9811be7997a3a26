package cn.fangfei.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.common.util.crypto.PKCS7Encoder;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;

/**
 * WxJava's safe-mode crypto, except that decryption also checks the AppId WeChat puts after the
 * message: WxJava 4.7.9 reads it but never compares it, so a message encrypted for another account
 * sharing our EncodingAESKey would be accepted. WeChat's own sample refuses it (-40005); so do we.
 * Signature checking ({@link #decryptXml}) and encryption stay WxJava's.
 */
class AppIdCheckingCrypt extends WxMpCryptUtil {
    /** 16 random bytes, then the message length as a 4-byte big-endian number. */
    private static final int HEADER_BYTES = 20;

    AppIdCheckingCrypt(WxMpConfigStorage config) {
        super(config);
    }

    /** Plaintext layout: random(16) | length(4) | message | AppId, PKCS#7-padded, AES-256-CBC with the key's first 16 bytes as IV. */
    @Override
    public String decrypt(String cipherText) {
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"),
                    new IvParameterSpec(Arrays.copyOfRange(aesKey, 0, 16)));
            plain = PKCS7Encoder.decode(cipher.doFinal(Base64.getDecoder().decode(cipherText)));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new WxRuntimeException(e);
        }
        if (plain == null || plain.length < HEADER_BYTES) {
            throw new WxRuntimeException("decrypted message too short");
        }
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (length < 0 || length > plain.length - HEADER_BYTES) {
            throw new WxRuntimeException("decrypted message length out of range");
        }
        String appId = new String(plain, HEADER_BYTES + length, plain.length - HEADER_BYTES - length, StandardCharsets.UTF_8);
        if (!appId.equals(appidOrCorpid)) {
            throw new WxRuntimeException("message encrypted for another AppId");
        }
        return new String(plain, HEADER_BYTES, length, StandardCharsets.UTF_8);
    }
}
