package cn.fangfei.faq;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;

import cn.fangfei.content.ReloadableContent;

/**
 * The answering engine: content/ in, a ranked and thresholded {@link Answer} out. It holds one
 * immutable snapshot of the content and its index, swapped whole on reload, so a question is always
 * answered from one consistent version. It needs neither Redis nor the web server, which is what
 * lets the offline evaluation run it alone.
 */
@Component
public class AnswerEngine implements ReloadableContent {
    /** Confidence needed to answer outright. */
    static final double ANSWER_SCORE = 0.50;
    /** A question that names a domain term (非法集资, 举报 ...) is answered at a lower confidence. */
    static final double ANCHORED_ANSWER_SCORE = 0.32;
    /** Below this there is nothing worth suggesting. */
    static final double SUGGEST_SCORE = 0.22;
    static final int SUGGESTIONS = 3;
    private static final String RISK_TOPIC = "risk-check";
    /** Added to the risk-check topic per feature the self-check found beyond the first. */
    private static final double RISK_FEATURE_BONUS = 0.06;

    private record Snapshot(FaqContent content, Analyzer analyzer, FaqIndex index, Set<String> domainTerms,
                            Map<String, FaqEntry> byId) {
    }

    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    @Override
    public String name() {
        return "faq";
    }

    @Override
    public void reload(Path contentDir) {
        FaqContent content = FaqContentLoader.load(contentDir);
        DynamicCustomDictionary dictionary = new DynamicCustomDictionary();
        content.dictionary().forEach(dictionary::insert);
        Set<String> domainTerms = new HashSet<>(content.dictionary().keySet());
        domainTerms.addAll(content.synonyms().values());
        Set<String> correctable = new HashSet<>(domainTerms);
        correctable.addAll(content.synonyms().keySet());
        Analyzer analyzer = new Analyzer(new TextNormalizer(content.fillers()), new PinyinCorrector(correctable),
                new SynonymTable(content.synonyms()), content.stopwords(), dictionary);
        FaqIndex index = new FaqIndex(content.entries(), analyzer);
        Map<String, FaqEntry> byId = new java.util.LinkedHashMap<>();
        content.entries().forEach(entry -> byId.put(entry.id(), entry));
        snapshot.set(new Snapshot(content, analyzer, index, Set.copyOf(domainTerms), Map.copyOf(byId)));
    }

    public Answer ask(String question) {
        Snapshot current = current();
        AnalyzedText analyzed = current.analyzer().analyze(question);
        List<RiskCheck.Finding> findings = current.content().riskCheck().assess(analyzed.text());
        List<ScoredTopic> ranked = current.index().rank(analyzed).stream()
                .map(scored -> withRiskBonus(scored, findings))
                .sorted(java.util.Comparator.comparingDouble(ScoredTopic::score).reversed())
                .toList();
        List<ScoredTopic> top = ranked.subList(0, Math.min(SUGGESTIONS, ranked.size()));
        ScoredTopic best = top.get(0);
        double needed = analyzed.mentionsAny(current.domainTerms()) ? ANCHORED_ANSWER_SCORE : ANSWER_SCORE;
        if (best.score() >= needed) {
            return new Answer(Answer.Outcome.ANSWER, best.entry(), best.score(), top, findings);
        }
        if (best.score() >= SUGGEST_SCORE) {
            return new Answer(Answer.Outcome.SUGGEST, null, best.score(), top, findings);
        }
        return new Answer(Answer.Outcome.FALLBACK, null, best.score(), top, findings);
    }

    public Optional<FaqEntry> topic(String id) {
        return Optional.ofNullable(current().byId().get(id));
    }

    public List<FaqEntry> topics() {
        return current().content().entries();
    }

    /** The question as the engine reads it (simplified, typos corrected), for logs editors read. */
    public String clean(String question) {
        return current().analyzer().clean(question);
    }

    public Set<String> greetings() {
        return current().content().greetings();
    }

    public Set<String> thanks() {
        return current().content().thanks();
    }

    public String riskAdvice() {
        return current().content().riskCheck().advice();
    }

    private static ScoredTopic withRiskBonus(ScoredTopic scored, List<RiskCheck.Finding> findings) {
        if (!scored.entry().id().equals(RISK_TOPIC) || findings.size() < 2) {
            return scored;
        }
        return new ScoredTopic(scored.entry(), scored.score() + RISK_FEATURE_BONUS * (findings.size() - 1));
    }

    private Snapshot current() {
        Snapshot current = snapshot.get();
        if (current == null) {
            throw new IllegalStateException("the knowledge base has not been loaded");
        }
        return current;
    }
}
