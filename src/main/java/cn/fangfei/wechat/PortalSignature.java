package cn.fangfei.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import org.springframework.stereotype.Component;

import me.chanjar.weixin.common.util.crypto.SHA1;

/**
 * WeChat's proof that a request came from WeChat: SHA-1 over the sorted token, timestamp and nonce
 * (plus the encrypted body in safe mode). Compared in constant time so that a forger learns nothing
 * from response times.
 */
@Component
public class PortalSignature {
    private final WechatAccount account;

    public PortalSignature(WechatAccount account) {
        this.account = account;
    }

    public boolean isValid(String timestamp, String nonce, String signature) {
        if (isBlank(timestamp) || isBlank(nonce) || isBlank(signature)) {
            return false;
        }
        return sameHex(SHA1.gen(account.token(), timestamp, nonce), signature);
    }

    /** Safe mode's msg_signature, which also covers the Encrypt element of the body. */
    public boolean isValidMessage(String timestamp, String nonce, String encrypt, String msgSignature) {
        if (isBlank(timestamp) || isBlank(nonce) || isBlank(encrypt) || isBlank(msgSignature)) {
            return false;
        }
        return sameHex(SHA1.gen(account.token(), timestamp, nonce, encrypt), msgSignature);
    }

    private static boolean sameHex(String expected, String given) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8),
                given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
