package cn.fangfei.content;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * Every fixed sentence the bot says, from content/replies.yml, so that editors can change the
 * wording without a release. Office contacts are filled in from configuration.
 */
@Component
public class Replies implements ReloadableContent {
    /** Keys the code asks for; a replies.yml without one of them is refused at load. */
    static final Set<String> REQUIRED = Set.of(
            "welcome", "help", "greeting", "thanks", "fallback", "suggest-intro", "suggest-outro",
            "pick-expired", "voice-unrecognized", "unsupported-media", "empty-text", "unknown-menu",
            "service-busy", "risk-ask-describe", "risk-intro", "risk-none", "risk-outro", "risk-brief", "article-link",
            "tip-start", "tip-continue", "tip-category-unknown", "tip-ask-what", "tip-ask-where", "tip-ask-evidence",
            "tip-evidence-waiting", "tip-image-received", "tip-image-limit", "tip-image-failed", "tip-image-not-now",
            "tip-ask-contact", "tip-confirm", "tip-confirm-ask", "tip-text-empty", "tip-text-too-long",
            "tip-contact-too-long", "tip-category-missing", "tip-submitted", "tip-already-submitted", "tip-cancelled",
            "tip-rate-limited", "tip-busy", "tip-query-how", "tip-receipt-unknown", "tip-query-throttled", "tip-status-unavailable", "tip-status",
            "tip-status-no-messages", "tip-status-more", "tip-followup-prompt", "tip-status-closed", "tip-followup-added",
            "tip-followup-done", "tip-followup-closed", "tip-web-followup-added", "tip-web-followup-closed", "tip-file-type", "tip-file-too-large", "tip-image-too-large", "tip-too-many-files",
            "tip-file-unreadable", "tip-upload-too-large", "tip-upload-busy", "upload-not-here", "tip-form-expired",
            "campaign-subscribed", "campaign-resubscribed", "campaign-tags-saved", "campaign-tags-none",
            "campaign-tags-invalid", "campaign-tags-general", "campaign-unsubscribed", "campaign-not-subscribed",
            "campaign-preview-bound", "campaign-preview-code-invalid");

    private final OfficeContacts office;
    private final AtomicReference<Map<String, String>> texts = new AtomicReference<>(Map.of());

    public Replies(OfficeContacts office) {
        this.office = office;
    }

    @Override
    public String name() {
        return "replies";
    }

    @Override
    public void reload(Path contentDir) {
        Path file = contentDir.resolve("replies.yml");
        Map<String, String> loaded = YamlFile.read(file).root().stringTable();
        for (String key : REQUIRED) {
            if (!loaded.containsKey(key)) {
                throw new ContentException(file, 0, "缺少回复 " + key);
            }
        }
        texts.set(Map.copyOf(loaded));
    }

    public String text(String key) {
        String text = texts.get().get(key);
        if (text == null) {
            throw new IllegalStateException("content/replies.yml has no reply " + key);
        }
        return office.fill(text);
    }

    /** A reply with its {placeholders} filled, e.g. text("article-link", Map.of("url", ...)). */
    public String text(String key, Map<String, String> values) {
        String out = text(key);
        for (Map.Entry<String, String> value : values.entrySet()) {
            out = out.replace("{" + value.getKey() + "}", value.getValue());
        }
        return out;
    }
}
