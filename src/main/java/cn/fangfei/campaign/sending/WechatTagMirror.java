package cn.fangfei.campaign.sending;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.fangfei.campaign.calendar.CampaignCalendar;
import cn.fangfei.campaign.subscription.SubscriptionKeys;
import cn.fangfei.redis.RedisScript;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.bean.tag.WxUserTag;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.util.Pool;

/**
 * Mass sends go to a WeChat user tag, so WeChat must know who subscribed to what: every subscriber
 * carries the tag 防非提醒, and 防非提醒-老年人 and so on for their interests. Subscription changes mark
 * the resident (SubscriptionKeys.WX_DIRTY); before a mass send this brings the marked residents' WeChat tags
 * in line. A resident who unsubscribed loses the tags before the send, so they never get it.
 */
@Component
class WechatTagMirror {
    static final String ALL = "all";
    private static final Logger log = LoggerFactory.getLogger(WechatTagMirror.class);
    /** WeChat tags at most 50 openids per call. */
    private static final int BATCH = 50;
    private static final int PAGE = 200;
    private static final int INVALID_TAG = 45159;

    /** KEYS: dirty. ARGV: openid, version read. Clears the mark unless the resident changed again meanwhile. */
    private static final RedisScript CLEAR_IF_UNCHANGED = new RedisScript("""
            if redis.call('hget', KEYS[1], ARGV[1]) == ARGV[2] then return redis.call('hdel', KEYS[1], ARGV[1]) end
            return 0""");

    private final Pool<Jedis> redis;
    private final CampaignWechat wechat;
    private final CampaignCalendar calendar;

    WechatTagMirror(Pool<Jedis> redis, CampaignWechat wechat, CampaignCalendar calendar) {
        this.redis = redis;
        this.wechat = wechat;
        this.calendar = calendar;
    }

    /** The WeChat name of an audience's tag. */
    String wechatName(String audienceId) {
        return audienceId.equals(ALL) ? "防非提醒" : "防非提醒-" + calendar.content().tagName(audienceId);
    }

    /**
     * Brings every marked resident's WeChat tags in line; null when done, else the outcome that
     * stopped it (the marks stay for the next try).
     */
    WechatOutcome sync(Retrier retrier, BooleanSupplier giveUp) {
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().count(PAGE);
        do {
            ScanResult<Map.Entry<String, String>> page;
            try (Jedis jedis = redis.getResource()) {
                page = jedis.hscan(SubscriptionKeys.WX_DIRTY, cursor, params);
            }
            cursor = page.getCursor();
            if (!page.getResult().isEmpty()) {
                WechatOutcome failure = syncPage(page.getResult(), retrier, giveUp);
                if (failure != null) {
                    return failure;
                }
            }
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START) && !giveUp.getAsBoolean());
        return null;
    }

    /** The WeChat tag id of an audience, creating the tag in WeChat the first time. */
    long tagId(String audienceId) throws WxErrorException {
        try (Jedis jedis = redis.getResource()) {
            String known = jedis.hget(SendingKeys.WX_TAG_IDS, audienceId);
            if (known != null) {
                return Long.parseLong(known);
            }
        }
        String name = wechatName(audienceId);
        long id = -1;
        for (WxUserTag tag : wechat.userTags()) {
            if (name.equals(tag.getName())) {
                id = tag.getId();
            }
        }
        if (id < 0) {
            id = wechat.createUserTag(name);
            log.info("created WeChat user tag {} for campaign audience {}", id, audienceId);
        }
        try (Jedis jedis = redis.getResource()) {
            jedis.hset(SendingKeys.WX_TAG_IDS, audienceId, Long.toString(id));
        }
        return id;
    }

    private WechatOutcome syncPage(List<Map.Entry<String, String>> marked, Retrier retrier, BooleanSupplier giveUp) {
        Map<String, Set<String>> desired = new LinkedHashMap<>();
        Map<String, Set<String>> current = new HashMap<>();
        try (Jedis jedis = redis.getResource()) {
            Pipeline pipeline = jedis.pipelined();
            Map<String, Response<Boolean>> subscribed = new HashMap<>();
            Map<String, Response<String>> tags = new HashMap<>();
            Map<String, Response<Set<String>>> mirrored = new HashMap<>();
            for (Map.Entry<String, String> entry : marked) {
                String openid = entry.getKey();
                subscribed.put(openid, pipeline.sismember(SubscriptionKeys.SUBSCRIBERS, openid));
                tags.put(openid, pipeline.hget(SubscriptionKeys.subscriber(openid), "tags"));
                mirrored.put(openid, pipeline.smembers(SendingKeys.wxTags(openid)));
            }
            pipeline.sync();
            for (Map.Entry<String, String> entry : marked) {
                String openid = entry.getKey();
                Set<String> want = new HashSet<>();
                if (subscribed.get(openid).get()) {
                    want.add(ALL);
                    String csv = tags.get(openid).get();
                    if (csv != null && !csv.isEmpty()) {
                        want.addAll(List.of(csv.split(",")));
                    }
                }
                desired.put(openid, want);
                current.put(openid, mirrored.get(openid).get());
            }
        }
        Map<String, List<String>> toTag = new LinkedHashMap<>();
        Map<String, List<String>> toUntag = new LinkedHashMap<>();
        desired.forEach((openid, want) -> {
            Set<String> have = current.get(openid);
            want.stream().filter(a -> !have.contains(a)).forEach(a -> toTag.computeIfAbsent(a, k -> new ArrayList<>()).add(openid));
            have.stream().filter(a -> !want.contains(a)).forEach(a -> toUntag.computeIfAbsent(a, k -> new ArrayList<>()).add(openid));
        });
        WechatOutcome failure = apply(toTag, true, retrier, giveUp);
        if (failure == null) {
            failure = apply(toUntag, false, retrier, giveUp);
        }
        if (failure != null) {
            return failure;
        }
        try (Jedis jedis = redis.getResource()) {
            for (Map.Entry<String, String> entry : marked) {
                String openid = entry.getKey();
                Set<String> want = desired.get(openid);
                Pipeline pipeline = jedis.pipelined();
                pipeline.del(SendingKeys.wxTags(openid));
                if (!want.isEmpty()) {
                    pipeline.sadd(SendingKeys.wxTags(openid), want.toArray(String[]::new));
                }
                pipeline.sync();
                CLEAR_IF_UNCHANGED.run(jedis, List.of(SubscriptionKeys.WX_DIRTY), List.of(openid, entry.getValue()));
            }
        }
        return null;
    }

    private WechatOutcome apply(Map<String, List<String>> changes, boolean tag, Retrier retrier, BooleanSupplier giveUp) {
        for (Map.Entry<String, List<String>> change : changes.entrySet()) {
            long tagId;
            try {
                tagId = tagId(change.getKey());
            } catch (WxErrorException e) {
                return WechatErrors.classify(e);
            }
            List<String> openids = change.getValue();
            for (int from = 0; from < openids.size(); from += BATCH) {
                if (giveUp.getAsBoolean()) {
                    // The run lost the sender role: tags read before may be stale, the new holder syncs again.
                    return new WechatOutcome(WechatOutcome.Kind.TRANSIENT, 0, "发送权已被其他实例接管");
                }
                List<String> batch = openids.subList(from, Math.min(openids.size(), from + BATCH));
                WechatOutcome outcome = retrier.call(() -> tag ? wechat.tagUsers(tagId, batch) : wechat.untagUsers(tagId, batch),
                        true, giveUp);
                if (outcome.delivered()) {
                    continue;
                }
                if (outcome.code() == INVALID_TAG) {
                    // Someone deleted the tag in WeChat's console: forget its id so the next try creates it again.
                    try (Jedis jedis = redis.getResource()) {
                        jedis.hdel(SendingKeys.WX_TAG_IDS, change.getKey());
                    }
                    return outcome;
                }
                if (outcome.kind() != WechatOutcome.Kind.RECIPIENT && outcome.kind() != WechatOutcome.Kind.NOT_FOLLOWING) {
                    return outcome;
                }
                // One openid spoils the batch (it unfollowed, say): tag the others one by one, skip those WeChat refuses.
                for (String openid : batch) {
                    WechatOutcome single = retrier.call(() -> tag ? wechat.tagUsers(tagId, List.of(openid))
                            : wechat.untagUsers(tagId, List.of(openid)), true, giveUp);
                    if (!single.delivered() && single.kind() != WechatOutcome.Kind.RECIPIENT
                            && single.kind() != WechatOutcome.Kind.NOT_FOLLOWING) {
                        return single;
                    }
                }
            }
        }
        return null;
    }
}
