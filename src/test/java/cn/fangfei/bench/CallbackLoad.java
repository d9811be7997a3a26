package cn.fangfei.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import me.chanjar.weixin.common.util.crypto.SHA1;

/**
 * Load generator for the WeChat callback: sends signed plain-mode text messages at a fixed rate, each
 * with its own MsgId, timestamp and nonce, as WeChat would. Latency is measured from each request's
 * scheduled start, so a stall shows up in the figures instead of slowing the sender down.
 *
 * A warm-up run at the same rate comes first and is not counted: a JVM that has just started is still
 * compiling, and WeChat's traffic is a steady state, not a cold start. On 2 cores at 200 messages a
 * second the JIT compilers keep most of a core busy for about two and a half minutes (measured per
 * thread from /proc), so the warm-up lasts three. The counted run goes on through the question file
 * where the warm-up stopped, so a file of questions never asked stays never asked.
 *
 * <p>Usage: CallbackLoad BASE_URL TOKEN RATE_PER_S SECONDS QUESTIONS_TSV (run by src/bench/callback.sh).
 */
public final class CallbackLoad {
    private static final int WARM_UP_SECONDS = 180;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        List<String> questions = Files.readAllLines(Path.of(args[4]), StandardCharsets.UTF_8).stream()
                .skip(1).map(line -> line.split("\t")[0]).filter(q -> !q.isBlank()).toList();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        run(client, base, token, rate, WARM_UP_SECONDS, questions, 0);
        System.out.println(run(client, base, token, rate, seconds, questions, rate * WARM_UP_SECONDS));
    }

    private static String run(HttpClient client, String base, String token, int rate, int seconds, List<String> questions,
            int firstQuestion)
            throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int total = rate * seconds;
        // Unique across runs, so that no message of this run is taken for a retry of an earlier one.
        long msgIdBase = System.currentTimeMillis() * 10_000;
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * intervalNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            HttpRequest request = signedText(base, token, msgIdBase + i, questions.get((firstQuestion + i) % questions.size()));
            inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                latencies.add(System.nanoTime() - scheduled);
                if (error != null || response.statusCode() != 200 || !response.body().contains("<xml>")) {
                    failures.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "requests=%d failures=%d rate=%.1f/s p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms",
                sorted.size(), failures.get(), sorted.size() / elapsed,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static HttpRequest signedText(String base, String token, long msgId, String question) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = Long.toString(msgId % 1_000_000_000);
        String signature = SHA1.gen(token, timestamp, nonce);
        String openid = "bench-user-" + (msgId % 500);
        String xml = "<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><FromUserName><![CDATA[" + openid
                + "]]></FromUserName><CreateTime>" + timestamp + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + question + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
        URI uri = URI.create(base + "/wechat/portal?signature=" + signature + "&timestamp=" + timestamp
                + "&nonce=" + nonce + "&openid=" + openid);
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build();
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
