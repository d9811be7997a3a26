package cn.fangfei.campaign.subscription;

import java.util.ArrayList;
import java.util.List;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.util.Pool;

/**
 * The members of one or more Redis sets, a page at a time (SSCAN), each resident once: a member of a
 * later set that is also in an earlier one is skipped. SSCAN may repeat a member when the set is
 * resized mid-scan; the sender's per-recipient claim makes such a repeat harmless.
 */
public final class AudienceScan {
    private final Pool<Jedis> redis;
    private final List<String> keys;
    private final ScanParams params;
    private int set;
    private String cursor = ScanParams.SCAN_POINTER_START;

    AudienceScan(Pool<Jedis> redis, List<String> keys, int pageSize) {
        this.redis = redis;
        this.keys = List.copyOf(keys);
        this.params = new ScanParams().count(pageSize);
    }

    /** The next page (possibly empty), or null when every set was scanned. */
    public List<String> next() {
        if (set >= keys.size()) {
            return null;
        }
        try (Jedis jedis = redis.getResource()) {
            ScanResult<String> result = jedis.sscan(keys.get(set), cursor, params);
            List<String> page = withoutEarlierSets(jedis, result.getResult());
            cursor = result.getCursor();
            if (cursor.equals(ScanParams.SCAN_POINTER_START)) {
                set++;
            }
            return page;
        }
    }

    private List<String> withoutEarlierSets(Jedis jedis, List<String> members) {
        List<String> page = new ArrayList<>(members);
        for (int earlier = 0; earlier < set && !page.isEmpty(); earlier++) {
            List<Boolean> seen = jedis.smismember(keys.get(earlier), page.toArray(String[]::new));
            List<String> fresh = new ArrayList<>();
            for (int i = 0; i < page.size(); i++) {
                if (!seen.get(i)) {
                    fresh.add(page.get(i));
                }
            }
            page = fresh;
        }
        return page;
    }
}
