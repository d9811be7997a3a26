package cn.fangfei.crypto;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that protects residents' secrets at rest (tip-offs, and the chat replies kept for WeChat's
 * retries), with its id and the retired keys still needed to read older records.
 *
 * @param key        base64 of 32 random bytes (FANGFEI_TIP_KEY); blank only in local/simulator mode
 * @param keyId      short name written beside every ciphertext (FANGFEI_TIP_KEY_ID)
 * @param oldKeys    retired keys for reading only, "id:base64,id:base64" (FANGFEI_TIP_OLD_KEYS)
 * @param devKeyFile where a local run keeps the key it generated when none is configured
 */
@ConfigurationProperties("fangfei.crypto")
public record CryptoProperties(String key, String keyId, String oldKeys, Path devKeyFile) {
    public CryptoProperties {
        key = key == null ? "" : key.strip();
        keyId = keyId == null || keyId.isBlank() ? "k1" : keyId.strip();
        oldKeys = oldKeys == null ? "" : oldKeys.strip();
        devKeyFile = devKeyFile == null ? Path.of("data", "tip-dev.key") : devKeyFile;
    }
}
