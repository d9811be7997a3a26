package cn.fangfei.faq;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Questions residents bring to other offices (社保, 医保, 户籍, 营业执照, 反诈热线, 12315 …) from
 * content/other-offices.txt, as BGE vectors. How much closer a question is to one of them than to its
 * best topic tells "养老保险每年交多少" (the pension office's) from "以养老保险名义收钱" (ours), which
 * share most of their words. The question's vector is already computed for the topics, so this costs
 * one more dot product per line, no inference.
 */
final class OtherOffices {
    private final float[][] vectors;

    OtherOffices(List<String> questions, UnaryOperator<String> clean, SentenceEmbedder embedder) {
        List<String> texts = questions.stream().map(clean).filter(text -> !text.isBlank()).distinct().toList();
        Map<String, float[]> embedded = embedder.embedAll("other-offices", texts);
        vectors = texts.stream().map(embedded::get).toArray(float[][]::new);
    }

    /** The cosine between the question and the closest question for another office (-1 with none). */
    double closest(float[] question) {
        double best = -1;
        for (float[] vector : vectors) {
            best = Math.max(best, SentenceEmbedder.dot(vector, question));
        }
        return best;
    }
}
