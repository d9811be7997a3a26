package cn.fangfei.faq;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What editors added in the console on top of content/: more phrasings for topics, and whole new
 * topics. The engine answers from content/ plus this overlay; the offline evaluation uses
 * {@link #EMPTY}, so it measures content/ alone.
 *
 * @param version    moves on every change, so instances can tell whether they are behind
 * @param exports    moves on every export to content/, so instances know to re-read their files
 * @param phrasings  topic id → phrasings added to it
 * @param topics     topics created in the console, with the phrasings they were created with
 */
public record FaqOverlay(long version, long exports, Map<String, List<String>> phrasings, List<FaqEntry> topics) {
    public static final FaqOverlay EMPTY = new FaqOverlay(0, 0, Map.of(), List.of());

    public FaqOverlay {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        phrasings.forEach((topic, added) -> copy.put(topic, List.copyOf(added)));
        phrasings = Map.copyOf(copy);
        topics = List.copyOf(topics);
    }

    public boolean isEmpty() {
        return phrasings.isEmpty() && topics.isEmpty();
    }

    /** The phrasings added to one topic, in no particular order. */
    public List<String> phrasingsOf(String topicId) {
        return phrasings.getOrDefault(topicId, List.of());
    }

    public boolean isNewTopic(String topicId) {
        return topics.stream().anyMatch(topic -> topic.id().equals(topicId));
    }

    /**
     * content/'s topics with the overlay merged in. content/ wins every conflict: a new topic whose id
     * now has a file (it was exported) is left out, a phrasing the topic already has is not added twice,
     * and a phrasing of a topic that no longer exists is ignored rather than failing the whole load.
     */
    List<FaqEntry> applyTo(List<FaqEntry> base) {
        Map<String, FaqEntry> merged = new LinkedHashMap<>();
        base.forEach(entry -> merged.put(entry.id(), entry));
        for (FaqEntry topic : topics) {
            merged.putIfAbsent(topic.id(), topic);
        }
        for (Map.Entry<String, List<String>> added : phrasings.entrySet()) {
            FaqEntry entry = merged.get(added.getKey());
            if (entry != null) {
                merged.put(entry.id(), withPhrasings(entry, added.getValue()));
            }
        }
        return List.copyOf(merged.values());
    }

    private static FaqEntry withPhrasings(FaqEntry entry, List<String> added) {
        Set<String> seen = new HashSet<>(entry.phrasings());
        List<String> phrasings = new ArrayList<>(entry.phrasings());
        added.stream().filter(seen::add).forEach(phrasings::add);
        return new FaqEntry(entry.id(), entry.title(), List.copyOf(phrasings), entry.answer(), entry.article(),
                entry.legalBasis(), entry.related());
    }
}
