package cn.fangfei.crypto;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The data key, which protects residents' data at rest in Redis (tip-offs, chat state, the replies kept for
 * WeChat's retries, and the keyed hashes that stand in for openids and addresses), with its id and the retired
 * keys still needed to read older records.
 *
 * @param dataKey     base64 of 32 random bytes (FANGFEI_DATA_KEY); blank only in local/simulator mode
 * @param dataKeyId   short name written beside every ciphertext (FANGFEI_DATA_KEY_ID)
 * @param dataOldKeys retired keys for reading only, "id:base64,id:base64" (FANGFEI_DATA_OLD_KEYS)
 * @param devKeyFile  where a local run keeps the key it generated when none is configured
 */
@ConfigurationProperties("fangfei.crypto")
public record CryptoProperties(String dataKey, String dataKeyId, String dataOldKeys, Path devKeyFile) {
    public CryptoProperties {
        dataKey = dataKey == null ? "" : dataKey.strip();
        dataKeyId = dataKeyId == null || dataKeyId.isBlank() ? "k1" : dataKeyId.strip();
        dataOldKeys = dataOldKeys == null ? "" : dataOldKeys.strip();
        devKeyFile = devKeyFile == null ? Path.of("data", "tip-dev.key") : devKeyFile;
    }
}
