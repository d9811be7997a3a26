package cn.fangfei.tip.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

import cn.fangfei.content.Replies;
import cn.fangfei.tip.TipProperties;
import jakarta.servlet.MultipartConfigElement;

@Configuration(proxyBeanMethods = false)
class TipWebConfiguration {
    /** The text fields and the multipart framing around five full-size files. */
    static final long FORM_OVERHEAD_BYTES = 1024 * 1024;

    /** Runs before Spring Security, whose CSRF check would otherwise be the first to read the body. */
    @Bean
    FilterRegistrationBean<MultipartGate> multipartGate(TipProperties properties, UploadProperties uploads,
                                                        Replies replies, MeterRegistry meters) {
        MultipartGate gate = new MultipartGate(
                maxRequestBytes(properties), uploads.concurrency(), uploads.queueWait(), replies,
                Map.of("max", Long.toString(properties.maxFileSize().toMegabytes()),
                        "files", Integer.toString(properties.maxFiles())));
        // An operator sees how close the uploads are to the limit before residents are turned away.
        Gauge.builder("fangfei.tip.uploads.parsing", gate, MultipartGate::uploadsParsing)
                .description("Multipart uploads being read now, of at most fangfei.tip.upload.concurrency").register(meters);
        FilterRegistrationBean<MultipartGate> registration = new FilterRegistrationBean<>(gate);
        registration.addUrlPatterns("/*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /**
     * Every part goes straight to a file in a directory only this user can read (no part is held in
     * memory, so a burst of uploads cannot fill the heap); Tomcat deletes the files when the request
     * ends, and the directory is emptied at start-up in case the process died in the middle of one.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(TipProperties properties) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setLocation(emptyPrivateDirectory(properties.dataDir().resolve("upload-tmp")).toString());
        factory.setFileSizeThreshold(DataSize.ofBytes(0));
        factory.setMaxFileSize(DataSize.ofBytes(properties.maxFileSize().toBytes() + FORM_OVERHEAD_BYTES));
        factory.setMaxRequestSize(DataSize.ofBytes(maxRequestBytes(properties)));
        return factory.createMultipartConfig();
    }

    private static long maxRequestBytes(TipProperties properties) {
        return properties.maxFiles() * properties.maxFileSize().toBytes() + FORM_OVERHEAD_BYTES;
    }

    private static Path emptyPrivateDirectory(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
            Files.createDirectories(dir);
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            return dir.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the upload directory " + dir, e);
        }
    }
}
