package cn.fangfei.campaign.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.campaign.Settings;
import cn.fangfei.campaign.calendar.CampaignCalendar;
import cn.fangfei.campaign.subscription.Subscribers;
import cn.fangfei.campaign.subscription.SubscriptionKeys;
import cn.fangfei.config.SiteProperties;
import cn.fangfei.content.OfficeContacts;
import cn.fangfei.content.Replies;
import cn.fangfei.crypto.KeyedHash;
import cn.fangfei.support.RedisTestSupport;
import cn.fangfei.wechat.FakeWechatServer;
import cn.fangfei.wechat.WechatAppTest;
import mockwebserver3.RecordedRequest;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sending against the fake WeChat API and a real Redis, with senders built here so that a test can
 * run two of them (two instances), give them its own clock, settings, and crash points.
 */
public abstract class SendingTest extends WechatAppTest {
    public static final String TEMPLATE_SEND = "/cgi-bin/message/template/send";
    static final String CUSTOM_SEND = "/cgi-bin/message/custom/send";
    public static final String MASS_SEND = "/cgi-bin/message/mass/sendall";
    public static final String MASS_PREVIEW = "/cgi-bin/message/mass/preview";
    private static final Pattern TOUSER = Pattern.compile("\"touser\":\"([^\"]+)\"");
    private static final Pattern CLIENT_MSG_ID = Pattern.compile("\"client_?msg_?id\":\"([^\"]+)\"");

    /** 3·15: the day before, 09:00, to every subscriber, by template message (service) or mass send. */
    public static final String CONSUMER_DAY = "consumer-rights-day.2027-03-15.day-1d";
    public static final LocalDateTime CONSUMER_DAY_DUE = LocalDateTime.of(2027, 3, 14, 9, 0);

    @Autowired
    public Pool<Jedis> redis;
    @Autowired
    public JsonMapper json;
    @Autowired
    CampaignWechat wechat;
    @Autowired
    WechatTagMirror mirror;
    @Autowired
    OfficeContacts office;
    @Autowired
    SiteProperties site;
    @Autowired
    public Replies replies;
    @Autowired
    public CampaignCalendar calendar;
    @Autowired
    protected KeyedHash hashes;

    @BeforeEach
    void emptyRedis() {
        RedisTestSupport.flush(redis);
    }

    protected CampaignSender sender(Settings settings, Clock clock) {
        return sender(settings, clock, SendProbe.NONE);
    }

    protected CampaignSender sender(Settings settings, Clock clock, SendProbe probe) {
        return sender(settings, clock, probe, calendar);
    }

    protected CampaignSender sender(Settings settings, Clock clock, SendProbe probe, CampaignCalendar from) {
        CampaignProperties properties = settings.build();
        return new CampaignSender(from, sendLog(clock), new Subscribers(redis, clock, hashes), messages(properties), wechat, mirror,
                properties, redis, clock, probe);
    }

    protected SendLog sendLog(Clock clock) {
        return new SendLog(redis, json, clock);
    }

    protected ReminderMessages messages(CampaignProperties properties) {
        return new ReminderMessages(properties, office, site, replies);
    }

    /** Subscribes residents o-0 ... o-(n-1), all of them active now, with these interest tags. */
    protected List<String> subscribe(int count, Clock clock, String... tags) {
        Subscribers subscribers = new Subscribers(redis, clock, hashes);
        List<String> openids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String openid = "o-" + (tags.length == 0 ? "" : String.join("-", tags) + "-") + i;
            subscribers.subscribe(openid);
            if (tags.length > 0) {
                subscribers.setTags(openid, List.of(tags));
            }
            openids.add(openid);
        }
        return openids;
    }

    /** How many requests each resident got at {@code path}. */
    static Map<String, Long> perRecipient(String path) {
        return FakeWechatServer.bodiesSentTo(path).stream().map(SendingTest::touser)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    static String touser(String body) {
        Matcher matcher = TOUSER.matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("no touser in " + body);
        }
        return matcher.group(1);
    }

    static String clientMsgIdOf(String body) {
        Matcher matcher = CLIENT_MSG_ID.matcher(body);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Every resident exactly once at {@code path}, nobody else. */
    static void assertEachOnce(String path, List<String> openids) {
        Map<String, Long> counts = perRecipient(path);
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(openids);
        assertThat(counts.values()).allMatch(count -> count == 1);
    }

    /** Answers calls to {@code path} with WeChat's error for the residents {@code fails} says, normally otherwise. */
    static void failFor(String path, Function<String, Integer> fails) {
        FakeWechatServer.answer(path, (RecordedRequest request) -> {
            Integer code = fails.apply(touser(request.getBody().string(StandardCharsets.UTF_8)));
            return code == null ? null : error(code);
        });
    }

    static String error(int code) {
        return "{\"errcode\":" + code + ",\"errmsg\":\"test error " + code + "\"}";
    }

    boolean isSubscriber(String openid) {
        try (Jedis jedis = redis.getResource()) {
            return jedis.sismember(SubscriptionKeys.SUBSCRIBERS, openid);
        }
    }

    String progressOf(String sendId, String field) {
        try (Jedis jedis = redis.getResource()) {
            return jedis.hget(SendingKeys.progress(sendId), field);
        }
    }
}
