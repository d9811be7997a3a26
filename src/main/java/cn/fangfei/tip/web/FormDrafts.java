package cn.fangfei.tip.web;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.fangfei.crypto.KeyedHash;
import cn.fangfei.tip.TipIds;

/**
 * The form carries the id its tip will get, decided when the page was shown and signed, so that a form
 * sent twice (a double tap, a reload of the result page) is recognised instead of stored twice.
 */
@Component
class FormDrafts {
    private static final String PURPOSE = "tip-form-draft";
    private static final int SIGNATURE_CHARS = 24;

    private final TipIds ids;
    private final KeyedHash hashes;

    FormDrafts(TipIds ids, KeyedHash hashes) {
        this.ids = ids;
        this.hashes = hashes;
    }

    String newToken() {
        String id = ids.next();
        return id + "." + signature(id);
    }

    /** The tip id of a genuine token; empty for a missing or forged one (the tip then gets a fresh id). */
    Optional<String> idOf(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String id = token.substring(0, dot);
        return TipIds.isWellFormed(id) && signature(id).equals(token.substring(dot + 1)) ? Optional.of(id) : Optional.empty();
    }

    private String signature(String id) {
        return hashes.hex(PURPOSE, id).substring(0, SIGNATURE_CHARS);
    }
}
