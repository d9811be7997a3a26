package cn.fangfei.tip;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Takes a checked tip from either way in and makes it durable: in Redis when it answers, else in the
 * local spool. Either way the resident gets a receipt code, and only after the write was confirmed
 * (Redis replied, or the spool file was fsynced).
 */
@Service
public class TipSubmissions {
    private static final Logger log = LoggerFactory.getLogger(TipSubmissions.class);
    /** Retries for the astronomically rare clash of a random id or receipt with an existing one. */
    private static final int MAX_CLASHES = 5;

    public enum Outcome { STORED, SPOOLED, ALREADY_SUBMITTED }

    /** @param receipt the code to show the resident, once; null when the tip had been submitted before */
    public record Submission(Outcome outcome, String tipId, String receipt) {
    }

    private final TipStore store;
    private final TipSpool spool;
    private final TipTexts texts;
    private final Receipts receipts;
    private final TipIds ids;
    private final Clock clock;
    private final MeterRegistry meters;

    public TipSubmissions(TipStore store, TipSpool spool, TipTexts texts, Receipts receipts, TipIds ids, Clock clock,
                          MeterRegistry meters) {
        this.store = store;
        this.spool = spool;
        this.texts = texts;
        this.receipts = receipts;
        this.ids = ids;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * @param decidedId  the id chosen earlier (a WeChat draft, a web form): a second submission of it is
     *                   recognised as such; empty for a fresh id
     * @param draftFiles whether WeChat images already wait under the draft's files key
     */
    public Submission submit(TipDraft draft, Channel channel, Optional<String> decidedId, boolean draftFiles) {
        Submission submission = store(draft, channel, decidedId, draftFiles);
        if (submission.outcome() != Outcome.ALREADY_SUBMITTED) {
            meters.counter("fangfei.tips.received", "channel", channel.name().toLowerCase(Locale.ROOT),
                    "outcome", submission.outcome().name().toLowerCase(Locale.ROOT)).increment();
        }
        return submission;
    }

    private Submission store(TipDraft draft, Channel channel, Optional<String> decidedId, boolean draftFiles) {
        if (decidedId.isPresent() && spool.holds(decidedId.get())) {
            return new Submission(Outcome.ALREADY_SUBMITTED, decidedId.get(), null);
        }
        String id = decidedId.orElseGet(ids::next);
        for (int attempt = 0; attempt < MAX_CLASHES; attempt++) {
            String receipt = receipts.newCode();
            SealedTip sealed = seal(id, receipt, draft, channel, draftFiles);
            TipStore.Inserted inserted;
            try {
                inserted = store.insert(sealed, false);
            } catch (JedisException e) {
                return spooled(sealed, receipt, e);
            }
            switch (inserted) {
                case STORED:
                    return new Submission(Outcome.STORED, id, receipt);
                case ALREADY_STORED:
                    if (decidedId.isPresent()) {
                        return new Submission(Outcome.ALREADY_SUBMITTED, id, null);
                    }
                    id = ids.next();
                    break;
                case RECEIPT_TAKEN:
                    break;
            }
        }
        throw new IllegalStateException("no free tip id or receipt after " + MAX_CLASHES + " attempts");
    }

    /**
     * Replays spooled tips once Redis answers again; a replay of an already stored tip changes nothing.
     * One replay at a time: a second one started meanwhile (the schedule and a direct call) would try to
     * remove the files the first has just removed.
     */
    @Scheduled(fixedDelayString = "#{@'fangfei.tip-cn.fangfei.tip.TipProperties'.spoolReplayInterval()}")
    public synchronized void replaySpool() {
        if (spool.isEmpty()) {
            return;
        }
        try {
            int replayed = spool.drain(tip -> store.insert(tip, true));
            log.info("replayed {} spooled tip records into Redis", replayed);
        } catch (JedisException e) {
            log.warn("Redis still unavailable, spooled tips wait for the next try ({})", e.getClass().getSimpleName());
        }
    }

    private Submission spooled(SealedTip sealed, String receipt, JedisException cause) {
        try {
            spool.append(sealed);
        } catch (IOException | RuntimeException e) {
            e.addSuppressed(cause);
            log.error("Redis unavailable and the spool could not be written: the tip was NOT taken", e);
            throw new TipUnavailableException("neither Redis nor the spool took the tip", e);
        }
        log.warn("Redis unavailable, tip {} spooled to disk for replay ({})", sealed.id(), cause.getClass().getSimpleName());
        return new Submission(Outcome.SPOOLED, sealed.id(), receipt);
    }

    private SealedTip seal(String id, String receipt, TipDraft draft, Channel channel, boolean draftFiles) {
        List<byte[]> files = draft.attachments().stream().map(attachment -> texts.sealFile(id, attachment)).toList();
        return new SealedTip(id, receipts.hash(receipt), draft.category(), channel, TipsterDay.now(clock), texts.keyId(),
                texts.seal(id, TipTexts.WHAT, draft.what()), texts.seal(id, TipTexts.WHERE, draft.where()),
                texts.sealOptional(id, TipTexts.CONTACT, draft.contact()), files, draftFiles);
    }
}
