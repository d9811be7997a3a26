package cn.fangfei.tip;

import java.util.List;

/** What a resident submits, checked by {@link TipInput} and still in plain text; it never reaches Redis like this. */
public record TipDraft(String category, String what, String where, String contact, List<Attachment> attachments) {
    public TipDraft {
        contact = contact == null ? "" : contact;
        attachments = List.copyOf(attachments);
    }
}
