package cn.fangfei;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.fangfei.support.AppProcess;
import cn.fangfei.support.ContentCopy;
import cn.fangfei.support.HttpLogin;
import cn.fangfei.support.RedisProcess;
import cn.fangfei.tip.TipWebClient;
import cn.fangfei.wechat.InboundMessages;
import cn.fangfei.wechat.WechatClient;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import redis.clients.jedis.Jedis;

/**
 * Two processes of the packaged app on different ports against one real Redis and one fake WeChat
 * API, as a city runs it behind a load balancer: they must behave as one.
 */
class TwoInstancesIT {
    private static final String TOKEN = "two-instances-token";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFA";
    private static final String APP_ID = "wxtwoinstances";
    private static final String ADMIN_TOKEN = "two-instances-admin-token-0123456789";
    private static final String ADMIN_PASSWORD = "two-instances-admin-password";
    private static final String REVIEWER_PASSWORD = "two-instances-reviewer-password";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");

    private static final Map<String, AtomicInteger> wechatCalls = new ConcurrentHashMap<>();
    /** Customer-service messages WeChat was asked to send, by recipient. */
    private static final Map<String, AtomicInteger> customerServiceSends = new ConcurrentHashMap<>();
    private static final Pattern TOUSER = Pattern.compile("\"touser\"\\s*:\\s*\"([^\"]+)\"");
    private static Path content;
    private static MockWebServer wechatApi;
    private static RedisProcess redis;
    private static AppProcess first;
    private static AppProcess second;

    @BeforeAll
    static void startTwoInstances(@TempDir Path dataDir) throws Exception {
        wechatApi = new MockWebServer();
        wechatApi.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                wechatCalls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                if (path.equals("/cgi-bin/message/custom/send")) {
                    Matcher touser = TOUSER.matcher(request.getBody() == null ? "" : request.getBody().utf8());
                    if (touser.find()) {
                        customerServiceSends.computeIfAbsent(touser.group(1), p -> new AtomicInteger()).incrementAndGet();
                    }
                }
                String json = path.equals("/cgi-bin/token")
                        ? "{\"access_token\":\"SHARED_TOKEN\",\"expires_in\":7200}"
                        : "{\"errcode\":0,\"errmsg\":\"ok\"}";
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(json).build();
            }
        });
        wechatApi.start();
        redis = RedisProcess.server().start();
        content = ContentCopy.of(dataDir.resolve("content"));
        ContentCopy.write(content.resolve("campaigns.yml"), campaignCalendar(LocalDateTime.now(OFFICE_ZONE).plusDays(100)));
        Map<String, String> env = new HashMap<>();
        env.put("FANGFEI_CONTENT_DIR", content.toString());
        env.put("FANGFEI_CAMPAIGN_TICK", "1s");
        env.put("FANGFEI_CAMPAIGN_APPROVAL", "");
        env.put("FANGFEI_REDIS_URL", redis.url());
        env.put("FANGFEI_DATA_DIR", dataDir.toString());
        env.put("FANGFEI_WECHAT_APP_ID", APP_ID);
        env.put("FANGFEI_WECHAT_SECRET", "two-instances-secret");
        env.put("FANGFEI_WECHAT_TOKEN", TOKEN);
        env.put("FANGFEI_WECHAT_AES_KEY", AES_KEY);
        env.put("FANGFEI_WECHAT_API_HOST", wechatApi.url("/").toString());
        env.put("FANGFEI_SIMULATOR", "false");
        // Production mode needs the data key; both instances share it, as they share Redis.
        env.put("FANGFEI_DATA_KEY", "SXRUZXN0S2V5Rm9yRmFuZ2ZlaVR3b0luc3RhbmNlczA=");
        env.put("FANGFEI_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("FANGFEI_ADMIN_USERNAME", "admin");
        env.put("FANGFEI_ADMIN_PASSWORD", ADMIN_PASSWORD);
        CompletableFuture<AppProcess> one = CompletableFuture.supplyAsync(() -> AppProcess.start("instance-1", env));
        CompletableFuture<AppProcess> two = CompletableFuture.supplyAsync(() -> AppProcess.start("instance-2", env));
        first = one.join();
        second = two.join();
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (first != null) {
            first.stop();
        }
        if (second != null) {
            second.stop();
        }
        redis.stop();
        wechatApi.close();
    }

    @Test
    void aRetryOnTheOtherInstanceGetsTheFirstReplyWithoutBeingAnsweredAgain() {
        String message = InboundMessages.text(InboundMessages.newOpenid(), "非法集资有哪些特征", InboundMessages.newMsgId());
        double answeredBefore = textMessagesAnswered(second);
        WechatClient.Reply original = client(first).postPlain(message);
        WechatClient.Reply retry = client(second).postPlain(message);
        assertThat(original.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(original.body()).contains("四个特征");
        assertThat(textMessagesAnswered(second)).as("the second instance served the cached reply").isEqualTo(answeredBefore);
    }

    @Test
    void theAccessTokenIsFetchedOnceForBothInstances() {
        assertThat(pushMenu(first).statusCode()).isEqualTo(200);
        assertThat(pushMenu(second).statusCode()).isEqualTo(200);
        assertThat(wechatCalls.get("/cgi-bin/menu/create")).hasValue(2);
        assertThat(wechatCalls.get("/cgi-bin/token")).as(wechatCalls.toString()).hasValue(1);
        try (Jedis jedis = new Jedis(URI.create(redis.url()))) {
            assertThat(jedis.keys("ff:wx*")).anyMatch(key -> key.contains("access_token"));
        }
    }

    @Test
    void aCampaignReminderDueOnBothInstancesIsSentOnce() throws Exception {
        String viaFirst = subscribe(first);
        String viaSecond = subscribe(second);
        ContentCopy.write(content.resolve("campaigns.yml"), campaignCalendar(LocalDateTime.now(OFFICE_ZONE).minusHours(1)));
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!(customerServiceSends.containsKey(viaFirst) && customerServiceSends.containsKey(viaSecond))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        // Both schedulers tick every second: give them several more chances to send it again.
        Thread.sleep(5000);
        assertThat(customerServiceSends.get(viaFirst)).as("reminders to the resident who subscribed on instance 1").hasValue(1);
        assertThat(customerServiceSends.get(viaSecond)).as("reminders to the resident who subscribed on instance 2").hasValue(1);
        String sent = "fangfei_campaign_wechat_calls_total\\{[^}]*call=\"customer-service\"[^}]*outcome=\"sent\"[^}]*} ([0-9.E]+)";
        assertThat(metric(first, sent) + metric(second, sent)).as("sends counted for Prometheus").isEqualTo(2.0);
    }

    @Test
    void aConsoleLoginOnOneInstanceHoldsOnTheOtherAndAnEditorsChangeIsLiveOnBoth() throws Exception {
        HttpResponse<String> login = HttpLogin.login(first.baseUrl(), "admin", ADMIN_PASSWORD, null);
        assertThat(login.statusCode()).isEqualTo(302);
        String cookie = HttpLogin.sessionCookie(login);

        HttpResponse<String> topic = AppProcess.send(HttpRequest.newBuilder(
                URI.create(second.baseUrl() + "/console/answers/health-products")).header("Cookie", cookie).build());
        assertThat(topic.statusCode()).as("the session made on instance 1 is known to instance 2").isEqualTo(200);
        Matcher token = CSRF.matcher(topic.body());
        assertThat(token.find()).isTrue();
        String withToken = cookie + "; " + HttpLogin.csrfCookie(topic);

        String question = "磁疗床垫包治百病";
        assertThat(topicAnswering(second, question)).isEqualTo("null");
        HttpResponse<String> added = AppProcess.send(HttpRequest.newBuilder(
                        URI.create(first.baseUrl() + "/console/answers/health-products/phrasings"))
                .header("Cookie", withToken).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("phrasing=" + URLEncoder.encode(question, StandardCharsets.UTF_8)
                        + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build());
        assertThat(added.statusCode()).isEqualTo(302);

        assertThat(topicAnswering(first, question)).as("live at once where it was made").isEqualTo("health-products");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!topicAnswering(second, question).equals("health-products") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(topicAnswering(second, question)).as("and on the other instance within its poll").isEqualTo("health-products");
    }

    @Test
    void aTipIsClaimedByOneReviewerOnly() throws Exception {
        String admin = HttpLogin.sessionCookie(HttpLogin.login(first.baseUrl(), "admin", ADMIN_PASSWORD, null));
        for (String reviewer : List.of("reviewer-one", "reviewer-two")) {
            HttpResponse<String> created = postForm(first, admin, "/console/users", csrfOf(first, admin, "/console/users"),
                    "username=" + reviewer + "&password=" + REVIEWER_PASSWORD + "&roles=REVIEWER");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        }
        String one = HttpLogin.sessionCookie(HttpLogin.login(first.baseUrl(), "reviewer-one", REVIEWER_PASSWORD, null));
        String two = HttpLogin.sessionCookie(HttpLogin.login(second.baseUrl(), "reviewer-two", REVIEWER_PASSWORD, null));
        Csrf oneToken = csrfOf(first, one, "/console/tips");
        Csrf twoToken = csrfOf(second, two, "/console/tips");

        TipWebClient.Page submitted = new TipWebClient(second.baseUrl())
                .submitTip("养老", "有人上门推销养老床位卡,说每年返利百分之八", "镇东头的养老公寓", "");
        assertThat(submitted.status()).isEqualTo(200);

        CompletableFuture<HttpResponse<String>> viaFirst = CompletableFuture.supplyAsync(
                () -> postForm(first, one, "/api/tips/claim", oneToken, ""));
        CompletableFuture<HttpResponse<String>> viaSecond = CompletableFuture.supplyAsync(
                () -> postForm(second, two, "/api/tips/claim", twoToken, ""));
        List<Integer> statuses = List.of(viaFirst.join().statusCode(), viaSecond.join().statusCode());
        assertThat(statuses).as("one reviewer gets the tip, the other is told none is waiting").containsExactlyInAnyOrder(200, 204);
    }

    /** A form's CSRF token and the cookie that goes with it. */
    private record Csrf(String token, String cookie) {
    }

    private static Csrf csrfOf(AppProcess app, String cookie, String page) {
        HttpResponse<String> response = AppProcess.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + page))
                .header("Cookie", cookie).build());
        Matcher token = CSRF.matcher(response.body());
        assertThat(token.find()).as(page + " has a CSRF token").isTrue();
        return new Csrf(token.group(1), HttpLogin.csrfCookie(response));
    }

    private static HttpResponse<String> postForm(AppProcess app, String cookie, String path, Csrf csrf, String form) {
        String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + URLEncoder.encode(csrf.token(), StandardCharsets.UTF_8);
        return AppProcess.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Cookie", cookie + "; " + csrf.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The topic id /api/ask answers with, or "null". */
    private static String topicAnswering(AppProcess app, String question) {
        String json = app.get("/api/ask?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8)).body();
        Matcher topic = Pattern.compile("\"topic\":(null|\"([^\"]+)\")").matcher(json);
        assertThat(topic.find()).as(json).isTrue();
        return topic.group(2) == null ? "null" : topic.group(2);
    }

    /** A resident subscribes to reminders (no interest tags) by chatting with one instance. */
    private static String subscribe(AppProcess app) {
        String openid = InboundMessages.newOpenid();
        WechatClient wechat = client(app);
        assertThat(wechat.postPlain(InboundMessages.text(openid, "订阅提醒", InboundMessages.newMsgId())).status()).isEqualTo(200);
        assertThat(wechat.postPlain(InboundMessages.text(openid, "0", InboundMessages.newMsgId())).status()).isEqualTo(200);
        return openid;
    }

    /**
     * One campaign reminding everyone by customer-service message at {@code due}. An hour ago is due now
     * and well within the send window, also when midnight passes between writing the file and sending.
     */
    private static String campaignCalendar(LocalDateTime due) {
        return String.join("\n",
                "tags:",
                "  - {id: elderly, name: 老年人}",
                "keywords:",
                "  subscribe: [订阅提醒]",
                "  unsubscribe: [退订]",
                "campaigns:",
                "  - id: two-instances-day",
                "    title: 两个实例的测试日",
                "    date: {fixed: \"" + due.format(DateTimeFormatter.ofPattern("MM-dd")) + "\"}",
                "    reminders:",
                "      - {offset: 0d, time: \"" + due.format(DateTimeFormatter.ofPattern("HH:mm")) + "\"}",
                "    audience: all",
                "    channels: [customer-service]",
                "    message:",
                "      text: 今天是{title}。",
                "");
    }

    private static WechatClient client(AppProcess app) {
        return new WechatClient(app.baseUrl(), TOKEN, AES_KEY, APP_ID);
    }

    private static HttpResponse<String> pushMenu(AppProcess app) {
        return AppProcess.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/admin/wechat/menu"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** First deliveries of text messages this instance answered, from its Prometheus endpoint. */
    private static double textMessagesAnswered(AppProcess app) {
        return metric(app, "fangfei_wechat_messages_seconds_count\\{[^}]*type=\"text\"[^}]*} ([0-9.E]+)");
    }

    /** The sum of every series matching {@code pattern} (its group 1 is the value) on this instance. */
    private static double metric(AppProcess app, String pattern) {
        Matcher count = Pattern.compile(pattern).matcher(app.metrics());
        double total = 0;
        while (count.find()) {
            total += Double.parseDouble(count.group(1));
        }
        return total;
    }
}
