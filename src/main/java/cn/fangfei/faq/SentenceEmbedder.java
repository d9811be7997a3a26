package cn.fangfei.faq;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import dev.langchain4j.data.embedding.Embedding;

/**
 * Sentence vectors from BGE-small-zh v1.5, run in process by ONNX Runtime from the weights in its jar:
 * no network, no model download. Vectors are unit length, so a dot product is their cosine.
 * <p>
 * Vectors of the knowledge base are kept per text, for the process like the model, in named
 * collections (the topics' phrasings, the other offices' questions): a reload or an editor's new
 * phrasing embeds only the texts not seen before in its collection, and texts that left a collection
 * are dropped with its next embedding. Questions are kept too, the most recently asked
 * {@value #RECENT_QUESTIONS}: an inference costs several milliseconds of a core, and residents ask the
 * same short questions ("怎么举报", "以房养老是骗局吗") over and over, most of all on campaign days.
 */
final class SentenceEmbedder {
    /** One model per process: it is 95 MB of weights and thread-safe. */
    private static final class Holder {
        static final BgeSmallZh MODEL = new BgeSmallZh();
    }

    /** About 10 MB of vectors. */
    static final int RECENT_QUESTIONS = 5_000;

    private static final Map<String, Map<String, float[]>> collections = new ConcurrentHashMap<>();
    private static final Map<String, float[]> recent = Collections.synchronizedMap(
            new LinkedHashMap<>(RECENT_QUESTIONS * 4 / 3, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > RECENT_QUESTIONS;
                }
            });

    /** A text with nothing left once cleaned ("？？", "嗯嗯") is close to nothing; the model refuses it. */
    private static final float[] NOTHING = new float[BgeSmallZh.DIMENSION];

    private final VectorStore store;

    SentenceEmbedder(VectorStore store) {
        this.store = store;
    }

    float[] embed(String text) {
        if (text.isBlank()) {
            return NOTHING;
        }
        float[] cached = collections.values().stream().map(known -> known.get(text)).filter(Objects::nonNull)
                .findFirst().orElseGet(() -> recent.get(text));
        if (cached == null) {
            cached = unit(Holder.MODEL.embed(text).content());
            recent.put(text, cached);
        }
        return cached;
    }

    /**
     * The vectors of {@code texts}, embedding only those not already in {@code collection}; from now on
     * the collection holds only these texts, so it is as large as what it serves and no larger.
     */
    Map<String, float[]> embedAll(String collection, Collection<String> texts) {
        synchronized (SentenceEmbedder.class) {
            Map<String, float[]> vectors = embedNew(collections.getOrDefault(collection, Map.of()), texts);
            collections.put(collection, vectors);
            return vectors;
        }
    }

    private Map<String, float[]> embedNew(Map<String, float[]> previous, Collection<String> texts) {
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
        Map<String, float[]> stored = store.find(missing);
        vectors.putAll(stored);
        missing.removeAll(stored.keySet());
        if (!missing.isEmpty()) {
            float[][] embedded = Holder.MODEL.embedBatched(missing);
            Map<String, float[]> computed = new HashMap<>();
            for (int i = 0; i < missing.size(); i++) {
                computed.put(missing.get(i), unit(embedded[i]));
            }
            store.keep(computed);
            vectors.putAll(computed);
        }
        return Map.copyOf(vectors);
    }

    /**
     * The dot product of two vectors of the same length, their cosine when both are unit vectors. Four
     * running sums instead of one: a single sum makes every addition wait for the one before, and a
     * question is scored against every phrasing (over a thousand vectors of 512), twice for a follow-up.
     */
    static double dot(float[] a, float[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
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
