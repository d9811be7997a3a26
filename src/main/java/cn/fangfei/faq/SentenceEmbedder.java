package cn.fangfei.faq;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * Sentence vectors from BGE-small-zh v1.5, run in process by ONNX Runtime from the weights in its jar:
 * no network, no model download. Vectors are unit length, so a dot product is their cosine.
 * <p>
 * Vectors of the knowledge base are kept per text, for the process like the model: a reload or an
 * editor's new phrasing embeds only the texts not seen before, and texts that left the knowledge base
 * are dropped with the next index. Questions are kept too, the most recently asked
 * {@value #RECENT_QUESTIONS}: an inference costs several milliseconds of a core, and residents ask the
 * same short questions ("怎么举报", "以房养老是骗局吗") over and over, most of all on campaign days.
 */
final class SentenceEmbedder {
    /** One model per process: it is 95 MB of weights and thread-safe. */
    private static final class Holder {
        static final EmbeddingModel MODEL = new BgeSmallZh();
    }

    /** About 10 MB of vectors. */
    static final int RECENT_QUESTIONS = 5_000;

    private static volatile Map<String, float[]> known = Map.of();
    private static final Map<String, float[]> recent = Collections.synchronizedMap(
            new LinkedHashMap<>(RECENT_QUESTIONS * 4 / 3, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > RECENT_QUESTIONS;
                }
            });

    /** A text with nothing left once cleaned ("？？", "嗯嗯") is close to nothing; the model refuses it. */
    private static final float[] NOTHING = new float[BgeSmallZh.DIMENSION];

    float[] embed(String text) {
        if (text.isBlank()) {
            return NOTHING;
        }
        float[] cached = known.get(text);
        if (cached == null) {
            cached = recent.get(text);
        }
        if (cached == null) {
            cached = unit(Holder.MODEL.embed(text).content());
            recent.put(text, cached);
        }
        return cached;
    }

    /**
     * The vectors of {@code texts}, embedding only the new ones; from now on only these texts are kept,
     * so the cache is as large as the knowledge base and no larger.
     */
    Map<String, float[]> embedAll(Collection<String> texts) {
        synchronized (SentenceEmbedder.class) {
            return embedNew(texts);
        }
    }

    private static Map<String, float[]> embedNew(Collection<String> texts) {
        Map<String, float[]> previous = known;
        Map<String, float[]> vectors = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String text : new LinkedHashSet<>(texts)) {
            float[] vector = text.isBlank() ? NOTHING : previous.get(text);
            if (vector != null) {
                vectors.put(text, vector);
            } else {
                missing.add(text);
            }
        }
        if (!missing.isEmpty()) {
            List<Embedding> embedded = Holder.MODEL.embedAll(missing.stream().map(TextSegment::from).toList()).content();
            for (int i = 0; i < missing.size(); i++) {
                vectors.put(missing.get(i), unit(embedded.get(i)));
            }
        }
        known = Map.copyOf(vectors);
        return known;
    }

    /** The unit vector halfway between two unit vectors: the meaning of two texts read together. */
    static float[] mean(float[] a, float[] b) {
        float[] sum = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return unit(sum);
    }

    private static float[] unit(Embedding embedding) {
        return unit(embedding.vector());
    }

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float x : vector) {
            norm += x * x;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }
}
