package cn.fangfei.tip.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import cn.fangfei.tip.Attachment;
import cn.fangfei.tip.AttachmentCleaner;
import cn.fangfei.tip.TipInputException;
import cn.fangfei.tip.TipProperties;

/** The files chosen in a form, counted, size-checked and cleaned; their names are never read. */
@Component
class UploadedFiles {
    private final AttachmentCleaner cleaner;
    private final TipProperties properties;

    UploadedFiles(AttachmentCleaner cleaner, TipProperties properties) {
        this.cleaner = cleaner;
        this.properties = properties;
    }

    /** An empty file input still sends one empty part; it is not a file. */
    List<Attachment> clean(List<MultipartFile> files) {
        List<MultipartFile> chosen = files == null ? List.of() : files.stream().filter(file -> !file.isEmpty()).toList();
        if (chosen.size() > properties.maxFiles()) {
            throw new TipInputException("tip-too-many-files", Map.of("max", Integer.toString(properties.maxFiles())));
        }
        List<Attachment> cleaned = new ArrayList<>();
        for (MultipartFile file : chosen) {
            if (file.getSize() > properties.maxFileSize().toBytes()) {
                throw new TipInputException("tip-file-too-large",
                        Map.of("max", Long.toString(properties.maxFileSize().toMegabytes())));
            }
            cleaned.add(cleaner.clean(bytes(file)));
        }
        return cleaned;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
