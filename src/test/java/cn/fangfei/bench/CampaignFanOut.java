package cn.fangfei.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.fangfei.FangfeiApplication;
import cn.fangfei.campaign.sending.CampaignSender;
import cn.fangfei.campaign.sending.SendLog;
import cn.fangfei.campaign.sending.SendRecord;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.util.Pool;

/**
 * Fan-out of one reminder to many subscribers (template messages on a service account) through the
 * app's real sender, against a local fake of WeChat's API that only counts: who got a message, and
 * how often. Live heap is measured after a full GC at a quarter, half and three quarters of each run,
 * so that it shows what the sender keeps, not garbage.
 *
 * <p>Usage: CampaignFanOut RATE_PER_S THREADS COUNT... (run by src/bench/campaign.sh). Uses the Redis of
 * FANGFEI_REDIS_URL (default database 15) and deletes its ff:campaign:* keys first.
 */
public final class CampaignFanOut {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public static void main(String[] args) throws Exception {
        double rate = Double.parseDouble(args[0]);
        int threads = Integer.parseInt(args[1]);
        List<Integer> counts = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            counts.add(Integer.parseInt(args[i]));
        }
        String redisUrl = System.getenv().getOrDefault("FANGFEI_REDIS_URL", "redis://127.0.0.1:6379/15");
        FakeTemplateApi wechat = FakeTemplateApi.start(counts.stream().mapToInt(Integer::intValue).max().orElse(2000));
        Path content = benchContent();
        // Command-line arguments, so that they win over application.yml and the environment.
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FangfeiApplication.class).run(
                "--server.port=0",
                "--fangfei.redis.url=" + redisUrl,
                "--fangfei.content.dir=" + content,
                "--fangfei.simulator.enabled=false",
                "--fangfei.wechat.app-id=wxbench", "--fangfei.wechat.secret=bench", "--fangfei.wechat.token=bench",
                "--fangfei.wechat.aes-key=",
                "--fangfei.wechat.api-host=" + wechat.url(),
                "--fangfei.campaign.account-type=service",
                "--fangfei.campaign.template-id=TPL_BENCH",
                "--fangfei.campaign.send-rate=" + rate,
                "--fangfei.campaign.send-threads=" + threads,
                "--fangfei.campaign.scheduler-enabled=false",
                "--logging.level.root=WARN")) {
            @SuppressWarnings("unchecked")
            Pool<Jedis> redis = app.getBean(Pool.class);
            CampaignSender sender = app.getBean(CampaignSender.class);
            SendLog sendLog = app.getBean(SendLog.class);
            System.out.print("warm-up (JIT, access token): ");
            run(2000, 1_000_000, redis, sender, sendLog, wechat);
            for (int count : counts) {
                run(count, rate, redis, sender, sendLog, wechat);
            }
        } finally {
            wechat.stop();
        }
    }

    private static void run(int count, double rate, Pool<Jedis> redis, CampaignSender sender, SendLog sendLog,
            FakeTemplateApi wechat) throws InterruptedException {
        deleteCampaignKeys(redis);
        addSubscribers(redis, count);
        wechat.reset(count);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        HeapProbe heap = new HeapProbe(memory, wechat, count);
        heap.start();
        long started = System.nanoTime();
        List<String> handled = sender.runDue();
        double seconds = (System.nanoTime() - started) / 1e9;
        heap.interrupt();
        heap.join();
        SendRecord record = sendLog.read(handled.get(0));
        System.out.printf(Locale.ROOT, "subscribers=%d rate=%s/s sent=%d requests=%d duplicates=%d missing=%d "
                        + "elapsed=%.1fs throughput=%.0f/s live-heap-mb(25%%,50%%,75%%)=%s%n",
                count, rate >= 1e6 ? "unlimited" : String.format(Locale.ROOT, "%.0f", rate), record.sent(),
                wechat.requests(), wechat.duplicates(), count - wechat.distinct(), seconds, count / seconds, heap.samples());
    }

    /** A calendar with one campaign whose only reminder was due at midnight today, so it is due now. */
    private static Path benchContent() throws IOException {
        Path dir = Files.createTempDirectory("fangfei-bench-content");
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            for (Path file : files.toList()) {
                Path copy = dir.resolve(Path.of("content").relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        LocalDate today = LocalDate.now(SHANGHAI);
        int ahead = 1;
        while (MonthDay.from(today.plusDays(ahead)).equals(MonthDay.of(2, 29))) {
            ahead++;
        }
        MonthDay day = MonthDay.from(today.plusDays(ahead));
        Files.writeString(dir.resolve("campaigns.yml"), """
                tags: []
                keywords: {subscribe: [订阅提醒], unsubscribe: [退订]}
                campaigns:
                  - id: fan-out
                    title: 压测提醒
                    date: {fixed: "%02d-%02d"}
                    reminders: [{offset: -%dd, time: "00:00"}]
                    audience: all
                    channels: [template]
                    message:
                      text: "{date}是{title}。"
                      template: {thing1: "{title}", thing2: "{date}"}
                """.formatted(day.getMonthValue(), day.getDayOfMonth(), ahead), StandardCharsets.UTF_8);
        return dir;
    }

    private static void deleteCampaignKeys(Pool<Jedis> redis) {
        try (Jedis jedis = redis.getResource()) {
            String cursor = ScanParams.SCAN_POINTER_START;
            ScanParams match = new ScanParams().match("ff:campaign:*").count(1000);
            do {
                ScanResult<String> page = jedis.scan(cursor, match);
                if (!page.getResult().isEmpty()) {
                    jedis.unlink(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
    }

    /** Straight into the subscriber set, as the chat would have put them there over time. */
    private static void addSubscribers(Pool<Jedis> redis, int count) {
        try (Jedis jedis = redis.getResource()) {
            for (int from = 0; from < count; from += 1000) {
                Pipeline pipeline = jedis.pipelined();
                for (int i = from; i < Math.min(count, from + 1000); i++) {
                    pipeline.sadd("ff:campaign:subscribers", "bench-" + i);
                }
                pipeline.sync();
            }
        }
    }

    /** Full-GC live heap when a quarter, half and three quarters of the subscribers were served. */
    private static final class HeapProbe extends Thread {
        private final MemoryMXBean memory;
        private final FakeTemplateApi wechat;
        private final int count;
        private final List<String> samples = new ArrayList<>();

        HeapProbe(MemoryMXBean memory, FakeTemplateApi wechat, int count) {
            this.memory = memory;
            this.wechat = wechat;
            this.count = count;
            setDaemon(true);
        }

        @Override
        public void run() {
            int next = 1;
            while (next <= 3 && !isInterrupted()) {
                if (wechat.requests() >= count * next / 4L) {
                    memory.gc();
                    samples.add(String.format(Locale.ROOT, "%.1f", memory.getHeapMemoryUsage().getUsed() / 1048576.0));
                    next++;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        String samples() {
            return String.join(",", samples);
        }
    }

    /** WeChat's token and template-send endpoints, counting deliveries per subscriber in a bit set. */
    private static final class FakeTemplateApi {
        private final HttpServer server;
        private final ExecutorService executor = Executors.newFixedThreadPool(16);
        private final AtomicLong requests = new AtomicLong();
        private final AtomicLong duplicates = new AtomicLong();
        private volatile BitSet seen = new BitSet();

        private FakeTemplateApi(HttpServer server) {
            this.server = server;
        }

        static FakeTemplateApi start(int capacity) throws IOException {
            // Without it the JDK server's small writes wait for delayed ACKs (about 40 ms each).
            System.setProperty("sun.net.httpserver.nodelay", "true");
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            FakeTemplateApi api = new FakeTemplateApi(server);
            api.seen = new BitSet(capacity);
            server.createContext("/", api::handle);
            server.setExecutor(api.executor);
            server.start();
            return api;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void reset(int capacity) {
            requests.set(0);
            duplicates.set(0);
            seen = new BitSet(capacity);
        }

        long requests() {
            return requests.get();
        }

        long duplicates() {
            return duplicates.get();
        }

        synchronized int distinct() {
            return seen.cardinality();
        }

        void stop() {
            server.stop(0);
            executor.shutdownNow();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String answer;
            if (path.equals("/cgi-bin/token")) {
                answer = "{\"access_token\":\"BENCH_TOKEN\",\"expires_in\":7200}";
            } else if (path.equals("/cgi-bin/message/template/send")) {
                count(body);
                answer = "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + requests.get() + "}";
            } else {
                answer = "{\"errcode\":48001,\"errmsg\":\"not in the benchmark\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        private void count(String body) {
            int start = body.indexOf("\"touser\":\"bench-") + "\"touser\":\"bench-".length();
            int index = Integer.parseInt(body.substring(start, body.indexOf('"', start)));
            synchronized (this) {
                if (seen.get(index)) {
                    duplicates.incrementAndGet();
                }
                seen.set(index);
            }
            requests.incrementAndGet();
        }
    }
}
