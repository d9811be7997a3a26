package cn.fangfei.tip;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The checks every way in shares, so that the chat and the web form accept exactly the same tips. */
@Component
public class TipInput {
    /** A phone number or WeChat id with a few words around it. */
    static final int MAX_CONTACT_CHARS = 200;

    private final TipCategories categories;
    private final TipProperties properties;

    public TipInput(TipCategories categories, TipProperties properties) {
        this.categories = categories;
        this.properties = properties;
    }

    public String category(String category) {
        String picked = category == null ? "" : category.strip();
        if (!categories.contains(picked)) {
            throw new TipInputException("tip-category-unknown", Map.of("categories", categories.numberedList(),
                    "count", Integer.toString(categories.all().size())));
        }
        return picked;
    }

    /** A required text: what happened, where, a follow-up message. */
    public String text(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw new TipInputException("tip-text-empty");
        }
        if (stripped.codePointCount(0, stripped.length()) > properties.maxTextChars()) {
            throw new TipInputException("tip-text-too-long", Map.of("max", Integer.toString(properties.maxTextChars())));
        }
        return stripped;
    }

    /** Empty means anonymous. */
    public String contact(String contact) {
        String stripped = contact == null ? "" : contact.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_CONTACT_CHARS) {
            throw new TipInputException("tip-contact-too-long", Map.of("max", Integer.toString(MAX_CONTACT_CHARS)));
        }
        return stripped;
    }

    public TipDraft draft(String category, String what, String where, String contact, List<Attachment> attachments) {
        return new TipDraft(category(category), text(what), text(where), contact(contact), attachments);
    }
}
