package cn.fangfei.wechat;

/**
 * The credentials the app actually signs and decrypts with: the configured account, or the
 * simulator's stand-in when simulator mode is on.
 */
public record WechatAccount(String appId, String secret, String token, String aesKey) {
    /** WeChat's EncodingAESKey is always 43 characters (32 bytes in base64 without the padding). */
    private static final int AES_KEY_LENGTH = 43;

    public WechatAccount {
        if (!aesKey.isEmpty() && aesKey.length() != AES_KEY_LENGTH) {
            throw new IllegalStateException("fangfei.wechat.aes-key must be the 43-character EncodingAESKey");
        }
    }

    public boolean supportsSafeMode() {
        return !aesKey.isEmpty();
    }
}
