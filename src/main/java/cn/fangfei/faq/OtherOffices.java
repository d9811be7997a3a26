package cn.fangfei.faq;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Questions residents bring to other offices (社保, 医保, 户籍, 营业执照, 反诈热线, 12315 …) from
 * content/other-offices.txt, as BGE vectors. How much closer a question is to one of them than to its
 * best topic tells "养老保险每年交多少" (the pension office's) from "以养老保险名义收钱" (ours), which
 * share most of their words. The question's vector is already computed for the topics, so this costs
 * one more dot product per line, no inference.
 * <p>
 * The lines are embedded one by one ({@link SentenceEmbedder#embed}), not with {@code embedAll}, which
 * keeps only the texts of its latest call: these lines, embedded just before the topics, would push
 * the topics' vectors out, and every reload would embed the whole knowledge base again.
 */
final class OtherOffices {
    private final float[][] vectors;

    OtherOffices(List<String> questions, UnaryOperator<String> clean, SentenceEmbedder embedder) {
        List<String> texts = questions.stream().map(clean).filter(text -> !text.isBlank()).distinct().toList();
        vectors = texts.stream().map(embedder::embed).toArray(float[][]::new);
    }

    /** The cosine between the question and the closest question for another office (-1 with none). */
    double closest(float[] question) {
        double best = -1;
        for (float[] vector : vectors) {
            double dot = 0;
            for (int i = 0; i < vector.length; i++) {
                dot += vector[i] * question[i];
            }
            best = Math.max(best, dot);
        }
        return best;
    }
}
