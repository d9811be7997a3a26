package cn.fangfei.faq;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;

import cn.fangfei.content.ReloadableContent;

/**
 * The answering engine: content/ in, an {@link Answer} out. Two channels score every topic, BM25 over
 * HanLP's analysis ({@link FaqIndex}) and BGE sentence vectors ({@link SemanticIndex}); fitted models
 * ({@link Decision}) fuse them and decide whether to answer, suggest or fall back. It holds one
 * immutable snapshot of the content and its index, swapped whole on reload, so a question is always
 * answered from one consistent version. Editors' additions from the console ({@link FaqOverlay}) are
 * merged into that snapshot when {@link #apply} hands them over. It needs neither Redis nor the web
 * server, which is what lets the offline evaluation run it alone, on content/ only.
 */
@Component
public class AnswerEngine implements ReloadableContent {
    /** content/ as loaded, and what is derived from it alone; rebuilt only when content/ changes. */
    private record Base(FaqContent content, Analyzer analyzer, Set<String> domainTerms, OtherOffices otherOffices) {
    }

    /** What questions are answered from: content/ plus the editors' overlay, indexed. */
    private record Snapshot(Base base, List<FaqEntry> entries, FaqIndex index, SemanticIndex semantic,
                            Map<String, FaqEntry> byId) {
    }

    private final SentenceEmbedder embedder;
    private final Decision decision;

    /** The engine alone (the eval command, benchmarks): the knowledge base is embedded at every start. */
    public AnswerEngine() {
        this(VectorStore.NONE);
    }

    /** The service's engine: the knowledge base's vectors are kept in {@code store} across restarts. */
    @Autowired
    AnswerEngine(VectorStore store) {
        this(Decision.load(), store);
    }

    /** An engine with other models; {@code DecisionFit} fits them from {@link #scores}, which needs none. */
    AnswerEngine(Decision decision, VectorStore store) {
        this.decision = decision;
        this.embedder = new SentenceEmbedder(store);
    }

    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    /** The overlay to merge into the next snapshot; set before content/ is first loaded, too. */
    private volatile FaqOverlay overlay = FaqOverlay.EMPTY;

    @Override
    public String name() {
        return "faq";
    }

    /** Reads content/ and indexes it together with the current overlay (none unless {@link #apply} was called). */
    @Override
    public synchronized void reload(Path contentDir) {
        FaqContent content = FaqContentLoader.load(contentDir);
        DynamicCustomDictionary dictionary = new DynamicCustomDictionary();
        content.dictionary().forEach(dictionary::insert);
        Set<String> domainTerms = domainTerms(content);
        Set<String> correctable = new HashSet<>(domainTerms);
        correctable.addAll(content.synonyms().keySet());
        correctable.addAll(content.synonyms().values());
        Analyzer analyzer = new Analyzer(new TextNormalizer(content.fillers()), new PinyinCorrector(correctable),
                new SynonymTable(content.synonyms()), content.stopwords(), dictionary);
        OtherOffices otherOffices = new OtherOffices(content.otherOffices(), analyzer::clean, embedder);
        snapshot.set(index(new Base(content, analyzer, Set.copyOf(domainTerms), otherOffices), overlay));
    }

    /**
     * Answers from content/ plus {@code additions} from now on. Only the index is rebuilt, from the
     * content already loaded; questions keep being answered from the previous snapshot meanwhile.
     */
    public synchronized void apply(FaqOverlay additions) {
        overlay = additions;
        Snapshot current = snapshot.get();
        if (current != null) {
            snapshot.set(index(current.base(), additions));
        }
    }

    /** The overlay the engine answers with now. */
    public FaqOverlay overlay() {
        return overlay;
    }

    private Snapshot index(Base base, FaqOverlay overlay) {
        List<FaqEntry> entries = overlay.applyTo(base.content().entries());
        FaqIndex index = new FaqIndex(entries, base.analyzer());
        SemanticIndex semantic = new SemanticIndex(entries, base.analyzer()::clean, embedder);
        Map<String, FaqEntry> byId = new LinkedHashMap<>();
        entries.forEach(entry -> byId.put(entry.id(), entry));
        return new Snapshot(base, entries, index, semantic, Map.copyOf(byId));
    }

    public Answer ask(String question) {
        Snapshot current = current();
        return answer(current, current.base().analyzer().analyze(question));
    }

    /**
     * {@link #ask} for a question already put through {@link #clean}. The chat cleans every message
     * first for its small-talk check, and cleaning (simplification, pinyin of every character) is about
     * a sixth of the time of an answer, so it is not done a second time.
     */
    public Answer askCleaned(String cleanQuestion) {
        Snapshot current = current();
        return answer(current, current.base().analyzer().analyzeCleaned(cleanQuestion));
    }

    /**
     * A follow-up ("在哪举报", "那怎么办") to the answer on {@code previousTopicId}. Asked alone it is
     * answered when clear ("能追回吗" is fund recovery whatever came before), and declined when it is
     * not even close to a topic (a new question for another office). When alone it would only get the
     * choice of three, it is read again together with the previous topic's title, among the other topics
     * (the resident has just read that one), and the same fitted decision answers or offers the choice
     * from that reading, provided the follow-up's own words support its first topic (it is among the
     * three the follow-up alone would offer): the previous title must not answer for them ("取消").
     */
    public Answer askFollowUp(String cleanQuestion, String previousTopicId) {
        Snapshot current = current();
        Answer alone = answer(current, current.base().analyzer().analyzeCleaned(cleanQuestion));
        FaqEntry previous = current.byId().get(previousTopicId);
        if (alone.outcome() != Answer.Outcome.SUGGEST || previous == null) {
            return alone;
        }
        String title = current.base().analyzer().clean(previous.title());
        AnalyzedText together = current.base().analyzer().analyzeCleaned(title + " " + cleanQuestion);
        // The meaning of both together as the mean of the two vectors, both already known (the title's
        // since content was loaded, the question's since it was just asked): no inference for the pair.
        float[] meaning = SentenceEmbedder.mean(embedder.embed(title), embedder.embed(cleanQuestion));
        Answer inContext = decision.decide(scores(current, together, meaning).without(previousTopicId), alone.riskFindings());
        boolean supported = !inContext.suggestions().isEmpty() && alone.suggestions().stream()
                .anyMatch(s -> s.entry().equals(inContext.suggestions().get(0).entry()));
        return supported && inContext.outcome() != Answer.Outcome.FALLBACK ? inContext : alone;
    }

    /** The features of illegal fundraising a resident's description of a project shows. */
    List<RiskCheck.Finding> riskFindings(String description) {
        Snapshot current = current();
        return current.base().content().riskCheck().assess(current.base().analyzer().clean(description));
    }

    private Answer answer(Snapshot current, AnalyzedText analyzed) {
        List<RiskCheck.Finding> findings = current.base().content().riskCheck().assess(analyzed.clean());
        return decision.decide(scores(current, analyzed), findings);
    }

    /** Both channels' scores of every topic for a question, as the fitted models read them. */
    ChannelScores scores(String question) {
        Snapshot current = current();
        return scores(current, current.base().analyzer().analyze(question));
    }

    private ChannelScores scores(Snapshot current, AnalyzedText analyzed) {
        return scores(current, analyzed, embedder.embed(analyzed.clean()));
    }

    private ChannelScores scores(Snapshot current, AnalyzedText analyzed, float[] meaning) {
        double[] lexical = current.index().scores(analyzed);
        double[] cosine = current.semantic().cosines(meaning);
        boolean anchored = analyzed.mentionsAny(current.base().domainTerms());
        return new ChannelScores(current.entries(), lexical, cosine, anchored, analyzed.clean().length(),
                current.index().unknownShare(analyzed), current.base().otherOffices().closest(meaning));
    }

    /** The {@code limit} best topics for a question with their fused scores, for editors checking the ranking. */
    public List<ScoredTopic> ranking(String question, int limit) {
        ChannelScores scores = scores(question);
        return decision.rank(scores).best(scores, limit);
    }

    public Optional<FaqEntry> topic(String id) {
        return Optional.ofNullable(current().byId().get(id));
    }

    /** Every topic, content/'s and the overlay's, with the overlay's phrasings merged in. */
    public List<FaqEntry> topics() {
        return current().entries();
    }

    /** The topics as content/ has them, without the overlay: what an export starts from. */
    public List<FaqEntry> fileTopics() {
        return current().base().content().entries();
    }

    /** The question as the engine reads it (simplified, typos corrected), for logs editors read. */
    public String clean(String question) {
        return current().base().analyzer().clean(question);
    }

    public Set<String> greetings() {
        return current().base().content().greetings();
    }

    public Set<String> thanks() {
        return current().base().content().thanks();
    }

    public String riskAdvice() {
        return current().base().content().riskCheck().advice();
    }

    /**
     * The words that mark a question as one for this office: the domain dictionary, and every word of
     * a synonym group that holds a dictionary term. General groups (钱, 材料, 电话) help ranking but
     * are no sign of the domain: "医保报销要什么材料" is not a question about reporting.
     */
    private static Set<String> domainTerms(FaqContent content) {
        Set<String> dictionary = content.dictionary().keySet();
        Set<String> domainGroups = new HashSet<>();
        content.synonyms().forEach((variant, canonical) -> {
            if (dictionary.contains(variant) || dictionary.contains(canonical)) {
                domainGroups.add(canonical);
            }
        });
        Set<String> terms = new HashSet<>(dictionary);
        terms.addAll(domainGroups);
        content.synonyms().forEach((variant, canonical) -> {
            if (domainGroups.contains(canonical)) {
                terms.add(variant);
            }
        });
        return terms;
    }

    private Snapshot current() {
        Snapshot current = snapshot.get();
        if (current == null) {
            throw new IllegalStateException("the knowledge base has not been loaded");
        }
        return current;
    }
}
