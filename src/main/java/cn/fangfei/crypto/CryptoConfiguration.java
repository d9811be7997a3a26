package cn.fangfei.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import cn.fangfei.config.RunMode;
import cn.fangfei.redis.RedisProperties;

@Configuration(proxyBeanMethods = false)
public class CryptoConfiguration {
    static final String DEV_KEY_ID = "dev";
    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    /**
     * The configured key; a local run (simulator or embedded Redis) without one gets a key generated
     * once into the data directory, so that a laptop needs no setup. Anywhere else a missing key stops
     * the app: residents' data must never be stored under a key nobody can produce again.
     */
    @Bean
    KeyRing keyRing(CryptoProperties crypto, RunMode runMode, RedisProperties redis, Environment environment) {
        FormerKeyNames.renameRequest(environment).ifPresent(log::warn);
        if (!crypto.dataKey().isEmpty()) {
            return KeyRing.of(crypto.dataKey(), crypto.dataKeyId(), crypto.dataOldKeys());
        }
        if (!runMode.simulator() && !redis.embedded()) {
            throw new IllegalStateException("FANGFEI_DATA_KEY is not set. Tip-offs and residents' chats are encrypted with it: "
                    + "set it to the base64 of 32 random bytes (openssl rand -base64 32) and keep a copy in the office's safe");
        }
        String devKey = devKey(crypto.devKeyFile());
        log.warn("FANGFEI_DATA_KEY is not set: using the development key in {}; production must set FANGFEI_DATA_KEY",
                crypto.devKeyFile().toAbsolutePath().normalize());
        return KeyRing.of(devKey, DEV_KEY_ID, crypto.dataOldKeys());
    }

    static String devKey(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            byte[] raw = new byte[KeyRing.KEY_BYTES];
            new SecureRandom().nextBytes(raw);
            String key = Base64.getEncoder().encodeToString(raw);
            try {
                Files.writeString(file, key + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            ownerOnly(file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the development key " + file, e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
