package cn.fangfei.tip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import redis.clients.jedis.Jedis;

/** Closed tips go after the retention time; open ones never do; the ledger keeps every count. */
class RetentionPurgeTest extends TipAppTest {
    @Autowired
    RetentionPurge purge;
    @Autowired
    TipReview review;
    @Autowired
    TipFollowUp followUp;
    @Autowired
    Ledger ledger;
    @Autowired
    Clock clock;

    @Test
    void closedTipsArePurgedAfterTheRetentionAndTheLedgerStays() {
        TipWebClient browser = new TipWebClient(baseUrl());
        String closedReceipt = RedisContents.receiptIn(browser.submitTip("养老", "已核实的线索", "镇上", "",
                new TipWebClient.Upload("a.pdf", "application/pdf", TestImages.pdf())).body());
        browser.submitTip("养老", "仍在核查的线索", "镇上", "");
        List<String> ids = RedisContents.streamTipIds(redis);
        String closed = ids.get(0);
        String open = ids.get(1);
        review.claimNext("anna");
        review.message(closed, "已转公安", false, "anna");
        review.setStatus(closed, TipStatus.TO_POLICE, "", "anna");
        Map<String, Long> before = ledger.counters(YearMonth.now(clock));

        assertThat(purge.purge(Instant.now(clock).plus(Duration.ofDays(364)))).as("within the 365 days").isZero();
        assertThat(purge.purge(Instant.now(clock).plus(Duration.ofDays(366)))).isEqualTo(1);

        assertThat(RedisContents.keys(redis, "ff:tip:" + closed + "*")).isEmpty();
        assertThat(RedisContents.keys(redis, "ff:tip:" + open)).hasSize(1);
        assertThat(RedisContents.keys(redis, "ff:tip:receipt:*")).hasSize(1);
        assertThat(RedisContents.streamTipIds(redis)).containsExactly(open);
        try (Jedis jedis = redis.getResource()) {
            assertThat(jedis.zcard(TipKeys.CLOSED)).isZero();
            assertThat(jedis.zrange(TipKeys.OPEN, 0, -1)).containsExactly(open);
        }
        assertThat(ledger.counters(YearMonth.now(clock))).isEqualTo(before).containsEntry("closed", 1L);
        assertThat(followUp.lookup(Optional.of("web:203.0.113.9"), closedReceipt).outcome()).isEqualTo(TipFollowUp.Outcome.NOT_FOUND);
    }
}
