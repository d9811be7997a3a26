package cn.fangfei.bench;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Load generator and loss check for the web tip-off form (run by src/bench/tips.sh).
 *
 * <p>{@code load BASE_URL RATE_PER_S SECONDS RECEIPTS_FILE}: posts the form (multipart, with its CSRF
 * token, as a browser does) at a fixed rate from several browser sessions. Latency is measured from
 * each request's scheduled start, so a stall shows in the figures instead of slowing the sender.
 * The receipt code of every 2xx reply is written to RECEIPTS_FILE.
 *
 * <p>{@code verify BASE_URL RECEIPTS_FILE REDIS_URL}: counts the tips in the review stream and looks
 * every receipt up on /tip/status; exits 1 if an acknowledged tip is missing or a tip is in the
 * stream twice.
 */
public final class TipLoad {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern RECEIPT = Pattern.compile("class=\"receipt\">([0-9 ]{19})<");
    private static final int SESSIONS = 8;
    private static final String[] WHAT = {
        "有人在小区门口发鸡蛋,拉老人听讲座,推销养老公寓床位,承诺年化8%",
        "某App宣传虚拟币挖矿,投1万每月返2000,拉人还有奖励",
        "一家理财公司承诺保本保息,年化15%,已有上百人投了钱",
        "健身房大量发售年卡后老板失联,还在继续卖卡",
    };

    private TipLoad() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
            case "verify" -> System.exit(verify(args[1], Path.of(args[2]), args[3]));
            default -> throw new IllegalArgumentException("load or verify");
        }
    }

    private record Session(HttpClient http, String csrf) {
    }

    private static void load(String base, int rate, int seconds, Path receiptsFile) throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            sessions.add(session(base, "/tip"));
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> receipts = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * intervalNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            Session session = sessions.get(i % SESSIONS);
            inFlight.add(session.http().sendAsync(tipForm(base, session.csrf(), i), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        latencies.add(System.nanoTime() - scheduled);
                        Matcher receipt = response == null ? null : RECEIPT.matcher(response.body());
                        if (error == null && response.statusCode() / 100 == 2 && receipt.find()) {
                            receipts.add(receipt.group(1).replace(" ", ""));
                        } else {
                            failures.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        Files.write(receiptsFile, receipts);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "requests=%d ok=%d failed=%d rate=%.1f/s p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms%n",
                sorted.size(), receipts.size(), failures.get(), sorted.size() / elapsed,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static int verify(String base, Path receiptsFile, String redisUrl) throws Exception {
        List<String> acknowledged = Files.readAllLines(receiptsFile).stream().filter(line -> !line.isBlank()).toList();
        List<String> inStream = new ArrayList<>();
        try (Jedis jedis = new Jedis(URI.create(redisUrl))) {
            StreamEntryID from = new StreamEntryID(0, 0);
            while (true) {
                List<StreamEntry> page = jedis.xrange("ff:tip:stream", from, (StreamEntryID) null, 10_000);
                page.forEach(entry -> inStream.add(entry.getFields().get("tip")));
                if (page.size() < 10_000) {
                    break;
                }
                StreamEntryID last = page.get(page.size() - 1).getID();
                from = new StreamEntryID(last.getTime(), last.getSequence() + 1);
            }
        }
        Set<String> distinct = new HashSet<>(inStream);
        Session session = session(base, "/tip/status");
        AtomicInteger missing = new AtomicInteger();
        Semaphore parallel = new Semaphore(16);
        List<CompletableFuture<?>> lookups = new ArrayList<>();
        for (String receipt : acknowledged) {
            parallel.acquire();
            lookups.add(session.http().sendAsync(form(base + "/tip/status", "_csrf=" + encode(session.csrf())
                            + "&receipt=" + receipt), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        parallel.release();
                        if (error != null || response.statusCode() != 200 || !response.body().contains("当前状态")) {
                            missing.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        int duplicates = inStream.size() - distinct.size();
        System.out.printf(Locale.ROOT, "acknowledged(2xx)=%d in_stream=%d distinct=%d acknowledged_but_missing=%d duplicates=%d%n",
                acknowledged.size(), inStream.size(), distinct.size(), missing.get(), duplicates);
        return missing.get() == 0 && duplicates == 0 && distinct.size() >= acknowledged.size() ? 0 : 1;
    }

    /** A browser session: its cookie and the CSRF token of a page it loaded. */
    private static Session session(String base, String page) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(2)).build();
        String body = http.send(HttpRequest.newBuilder(URI.create(base + page)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(body);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on " + page);
        }
        return new Session(http, csrf.group(1));
    }

    private static HttpRequest tipForm(String base, String csrf, int i) {
        String boundary = "----fangfeibench" + i;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "_csrf", csrf);
        field(body, boundary, "category", i % 2 == 0 ? "养老" : "虚拟货币/区块链");
        field(body, boundary, "what", WHAT[i % WHAT.length] + "(压测第" + i + "条)");
        field(body, boundary, "where", "幸福路" + (i % 200) + "号");
        field(body, boundary, "contact", "");
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + "/tip")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
