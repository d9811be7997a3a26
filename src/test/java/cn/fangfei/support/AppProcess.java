package cn.fangfei.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged app (target/fangfei.jar) as a separate process on a free port, the way it runs in
 * production, for tests that need several instances or a real shutdown.
 */
public final class AppProcess implements AutoCloseable {
    /** Every started app takes this scraper token, so that tests can read its metrics. */
    public static final String METRICS_TOKEN = "it-metrics-token";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final Process process;

    private AppProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** Starts the jar with these environment variables and waits until it reports ready. */
    public static AppProcess start(String name, Map<String, String> env) {
        int port = LocalProcesses.freePort();
        Path log = Path.of("target", "it-logs", name + ".log");
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-jar", "target/fangfei.jar", "--server.port=" + port));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("FANGFEI_"));
            builder.environment().put("FANGFEI_METRICS_TOKEN", METRICS_TOKEN);
            builder.environment().putAll(env);
            AppProcess app = new AppProcess(port, builder.start());
            app.awaitReady(Duration.ofSeconds(60));
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The Prometheus page, fetched as the scraper does (HTTP basic with the metrics token). */
    public String metrics() {
        String credentials = Base64.getEncoder().encodeToString(("prometheus:" + METRICS_TOKEN).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus"))
                .header("Authorization", "Basic " + credentials).timeout(Duration.ofSeconds(10)).build()).body();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10)).build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, as an orchestrator stops an instance: the app shuts down gracefully. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited during start-up; see target/it-logs");
            }
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LocalProcesses.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the app was not ready within " + timeout);
    }

}
