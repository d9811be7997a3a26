package cn.fangfei.faq;

import java.util.Collection;
import java.util.Map;

/**
 * Sentence vectors of the knowledge base kept beyond this process, so that a restart reads them
 * instead of running the model over every phrasing again (the largest part of start-up). Only texts of
 * the knowledge base and of content/ go in, never a resident's question.
 */
interface VectorStore {
    /** Keeps nothing: the engine of the offline eval command, which has no Redis. */
    VectorStore NONE = new VectorStore() {
        @Override
        public Map<String, float[]> find(Collection<String> texts) {
            return Map.of();
        }

        @Override
        public void keep(Map<String, float[]> vectors) {
        }
    };

    /** The stored vectors of those of {@code texts} that have one. */
    Map<String, float[]> find(Collection<String> texts);

    void keep(Map<String, float[]> vectors);
}
