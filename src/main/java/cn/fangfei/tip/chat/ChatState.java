package cn.fangfei.tip.chat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One resident's conversation: a tip being written step by step (its id decided at the start, its
 * texts sealed under that id), or a follow-up on a submitted tip. Never the openid.
 */
record ChatState(Mode mode, Step step, String tipId, String category, String what, String where, String contact,
        int images) {

    enum Mode { NEW, FOLLOW_UP }

    enum Step { CATEGORY, WHAT, WHERE, EVIDENCE, CONTACT, CONFIRM }

    static ChatState newTip(String tipId) {
        return new ChatState(Mode.NEW, Step.CATEGORY, tipId, "", "", "", "", 0);
    }

    static ChatState followUp(String tipId) {
        return new ChatState(Mode.FOLLOW_UP, Step.CONFIRM, tipId, "", "", "", "", 0);
    }

    ChatState withCategory(String picked) {
        return new ChatState(mode, Step.WHAT, tipId, picked, what, where, contact, images);
    }

    ChatState withWhat(String sealed) {
        return new ChatState(mode, Step.WHERE, tipId, category, sealed, where, contact, images);
    }

    ChatState withWhere(String sealed) {
        return new ChatState(mode, Step.EVIDENCE, tipId, category, what, sealed, contact, images);
    }

    ChatState evidenceDone() {
        return new ChatState(mode, Step.CONTACT, tipId, category, what, where, contact, images);
    }

    ChatState withContact(String sealedOrEmpty) {
        return new ChatState(mode, Step.CONFIRM, tipId, category, what, where, sealedOrEmpty, images);
    }

    /** Every field but the image count, which only ChatStates.countImage changes. */
    Map<String, String> toHash() {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("mode", mode.name());
        hash.put("step", step.name());
        hash.put("id", tipId);
        hash.put("category", category);
        hash.put("what", what);
        hash.put("where", where);
        hash.put("contact", contact);
        return hash;
    }

    static ChatState fromHash(Map<String, String> hash) {
        return new ChatState(Mode.valueOf(hash.get("mode")), Step.valueOf(hash.get("step")), hash.get("id"),
                hash.getOrDefault("category", ""), hash.getOrDefault("what", ""), hash.getOrDefault("where", ""),
                hash.getOrDefault("contact", ""), Integer.parseInt(hash.getOrDefault("images", "0")));
    }
}
