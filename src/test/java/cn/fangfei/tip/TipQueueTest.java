package cn.fangfei.tip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * The review queue on the real stream, with the default claim idle time of 24 hours and this context's
 * limit of 2 deliveries: claims that nobody works on come back to the next reviewer, and a tip that keeps
 * coming back goes to the dead-letter stream with an alert. A claim is left untouched by setting its
 * idle time in Redis (XCLAIM IDLE), not by waiting.
 */
class TipQueueTest extends TipAppTest {
    @Autowired
    TipProperties properties;
    @Autowired
    TipReview review;
    @Autowired
    TipSubmissions submissions;
    @Autowired
    TipInput input;
    @Autowired
    TipStore store;
    @Autowired
    TipLists lists;
    @Autowired
    TipIds ids;
    @Autowired
    Receipts receipts;
    @Autowired
    TipTexts texts;
    @Autowired
    Clock clock;

    /**
     * Redis's own entry ids are the millisecond of the write, which would date each tip more precisely
     * than its record does; ours are the tip's day and a sequence, and a tip of an earlier day replayed
     * from the spool still goes after the ones already queued.
     */
    @Test
    void queueEntriesAreDatedByTheTipsDayOnly() {
        long today = TipsterDay.now(clock);
        String first = submit();
        String second = submit();
        String replayed = ids.next();
        store.insert(new SealedTip(replayed, receipts.hash(receipts.newCode()), "养老", Channel.WECHAT,
                today - Duration.ofDays(2).toMillis(), texts.keyId(), texts.seal(replayed, TipTexts.WHAT, "补写的线索"),
                texts.seal(replayed, TipTexts.WHERE, "镇上"), "", List.of(), false), true);

        try (Jedis jedis = redis.getResource()) {
            List<StreamEntryID> entries = jedis.xrange(TipKeys.STREAM, (StreamEntryID) null, (StreamEntryID) null)
                    .stream().map(entry -> entry.getID()).toList();
            assertThat(entries).containsExactly(new StreamEntryID(today, 1), new StreamEntryID(today, 2),
                    new StreamEntryID(today, 3));
        }
        assertThat(RedisContents.tipHash(redis, first)).containsEntry("created", Long.toString(today));
        assertThat(RedisContents.streamTipIds(redis)).containsExactly(first, second, replayed);
    }

    @Test
    void theOldestTipIsHandedOutFirstAndOnlyOnce() {
        String first = submit();
        String second = submit();

        assertThat(review.claimNext("anna").map(TipRecord::id)).contains(first);
        assertThat(review.claimNext("bo").map(TipRecord::id)).contains(second);
        assertThat(review.claimNext("bo")).isEmpty();
        assertThat(pending(first)).extracting(StreamPendingEntry::getConsumerName).isEqualTo("anna");
    }

    @Test
    void aReviewerWhoDiesMidReviewLosesTheTipToTheNextWhoAsks() {
        String id = submit();
        assertThat(review.claimNext("anna").map(TipRecord::id)).contains(id);
        assertThat(review.claimNext("bo")).as("anna's claim is still fresh").isEmpty();

        leaveUntouched(id);
        Optional<TipRecord> taken = review.claimNext("bo");

        assertThat(taken.map(TipRecord::id)).contains(id);
        assertThat(taken.get().assignee()).contains("bo");
        assertThat(taken.get().status()).isEqualTo(TipStatus.CHECKING);
        StreamPendingEntry entry = pending(id);
        assertThat(entry.getConsumerName()).isEqualTo("bo");
        assertThat(entry.getDeliveredTimes()).isEqualTo(2);
        assertThat(store.history(id)).extracting(HistoryEntry::action).contains("接手(原认领人 anna 超过24小时未处理)");
        review.setStatus(id, TipStatus.DONE, "", "bo");
        try (Jedis jedis = redis.getResource()) {
            assertThat(jedis.xpending(TipKeys.STREAM, TipKeys.GROUP).getTotal()).isZero();
        }
    }

    /**
     * XAUTOCLAIM looks at about ten pending entries per call: an abandoned claim behind 25 claims that
     * are being worked on is still found by following its cursor.
     */
    @Test
    void anAbandonedClaimBehindManyActiveOnesIsFound() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            ids.add(submit());
            review.claimNext("anna");
        }
        ids.forEach(this::leaveUntouched);
        for (String worked : ids.subList(0, 25)) {
            review.setRisk(worked, RiskLevel.LOW, "", "bo");
        }

        assertThat(review.claimNext("carl").map(TipRecord::id)).contains(ids.get(25));
    }

    @Test
    void workingOnATipKeepsItsClaim() {
        String id = submit();
        review.claimNext("anna");
        leaveUntouched(id);
        review.setRisk(id, RiskLevel.MEDIUM, "", "anna");

        assertThat(review.claimNext("bo")).as("anna has just worked on it").isEmpty();
        assertThat(pending(id).getDeliveredTimes()).as("a touch is not a delivery").isEqualTo(1);
    }

    @Test
    void aTipHandedOutMoreThanTwiceGoesToTheDeadLetterStreamWithAnAlert() throws Exception {
        String id = submit();
        review.claimNext("anna");
        leaveUntouched(id);
        assertThat(review.claimNext("bo").map(TipRecord::id)).contains(id);
        leaveUntouched(id);

        assertThat(review.claimNext("anna")).as("third delivery is over the limit of 2").isEmpty();

        TipRecord dead = store.find(id).orElseThrow();
        assertThat(dead.dead()).isTrue();
        assertThat(dead.assignee()).isEmpty();
        assertThat(lists.deadLetter()).extracting(TipRecord::id).containsExactly(id);
        try (Jedis jedis = redis.getResource()) {
            assertThat(jedis.xlen(TipKeys.DEAD_LETTER)).isEqualTo(1);
            assertThat(jedis.xrange(TipKeys.DEAD_LETTER, (StreamEntryID) null, (StreamEntryID) null).get(0).getFields())
                    .containsEntry("tip", id).containsEntry("deliveries", "3");
            assertThat(jedis.xpending(TipKeys.STREAM, TipKeys.GROUP).getTotal()).isZero();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> alertMail().isPresent());
        MimeMessage alert = alertMail().orElseThrow();
        assertThat(alert.getAllRecipients()[0].toString()).isEqualTo("head@office.test");
        assertThat(alert.getSubject()).contains(id);
        assertThat(textOf(alert)).contains("已被认领3次", "/api/tips/" + id + "/requeue");

        review.requeue(id, "head");
        Optional<TipRecord> again = review.claimNext("carl");
        assertThat(again.map(TipRecord::id)).contains(id);
        assertThat(again.get().dead()).isFalse();
        assertThat(pending(id).getDeliveredTimes()).isEqualTo(1);
    }

    @Test
    void aTipClosedBeforeAnyoneClaimedItIsSkipped() {
        String closed = submit();
        String open = submit();
        review.setStatus(closed, TipStatus.REJECTED, "重复举报", "anna");

        assertThat(review.claimNext("bo").map(TipRecord::id)).contains(open);
        try (Jedis jedis = redis.getResource()) {
            assertThat(jedis.xpending(TipKeys.STREAM, TipKeys.GROUP).getTotal()).isEqualTo(1);
        }
    }

    @Test
    void aTipSomeoneWorkedOnBeforeItWasClaimedStaysTheirs() {
        String id = submit();
        review.setRisk(id, RiskLevel.LOW, "", "anna");

        assertThat(review.claimNext("bo")).isEmpty();
        assertThat(pending(id).getConsumerName()).isEqualTo("anna");
        assertThat(lists.heldBy("anna")).extracting(TipRecord::id).containsExactly(id);
    }

    private static Optional<MimeMessage> alertMail() throws Exception {
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            if (message.getSubject().contains("死信")) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    /**
     * The tip's claim as if nobody had touched it for longer than the claim idle time: its holder keeps
     * it, and with JUSTID this is no new delivery.
     */
    private void leaveUntouched(String id) {
        StreamPendingEntry claim = pending(id);
        try (Jedis jedis = redis.getResource()) {
            jedis.xclaimJustId(TipKeys.STREAM, TipKeys.GROUP, claim.getConsumerName(), 0,
                    XClaimParams.xClaimParams().idle(properties.queue().claimIdle().plusMinutes(1).toMillis()), claim.getID());
        }
    }

    private StreamPendingEntry pending(String id) {
        String entry = store.find(id).orElseThrow().entry();
        try (Jedis jedis = redis.getResource()) {
            List<StreamPendingEntry> pending = jedis.xpending(TipKeys.STREAM, TipKeys.GROUP,
                    XPendingParams.xPendingParams(new StreamEntryID(entry), new StreamEntryID(entry), 1));
            assertThat(pending).hasSize(1);
            return pending.get(0);
        }
    }

    private String submit() {
        return submissions.submit(input.draft("私募基金", "私募基金违规承诺保本", "线上", "", List.of()), Channel.WEB,
                Optional.empty(), false).tipId();
    }
}
