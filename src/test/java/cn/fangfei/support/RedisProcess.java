package cn.fangfei.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import redis.clients.jedis.Jedis;

/** A real redis-server (or Sentinel) process of a test's own, on a free loopback port, started and stopped at will. */
public final class RedisProcess implements AutoCloseable {
    private final List<String> command;
    private final int port;
    private Process process;

    private RedisProcess(List<String> command, int port) {
        this.command = command;
        this.port = port;
    }

    public static RedisProcess server() {
        int port = LocalProcesses.freePort();
        return new RedisProcess(List.of("redis-server", "--bind", "127.0.0.1", "--port", Integer.toString(port),
                "--save", "", "--appendonly", "no"), port);
    }

    /** A server that keeps its data in {@code dir} (AOF), so that it can be stopped and started again with it. */
    public static RedisProcess persistentServer(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = LocalProcesses.freePort();
        return new RedisProcess(List.of("redis-server", "--bind", "127.0.0.1", "--port", Integer.toString(port),
                "--save", "", "--appendonly", "yes", "--dir", dir.toAbsolutePath().toString()), port);
    }

    /** A Sentinel watching {@code master} under the name {@code masterName}, with a quorum of one. */
    public static RedisProcess sentinel(String masterName, RedisProcess master, Path dir) {
        int port = LocalProcesses.freePort();
        Path config = dir.resolve("sentinel-" + port + ".conf");
        try {
            Files.writeString(config, String.join("\n",
                    "bind 127.0.0.1",
                    "port " + port,
                    "sentinel monitor " + masterName + " 127.0.0.1 " + master.port() + " 1",
                    "sentinel down-after-milliseconds " + masterName + " 1000",
                    "") );
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of("redis-server", config.toString(), "--sentinel"));
        return new RedisProcess(command, port);
    }

    public RedisProcess start() {
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server is needed for this test (.ci/run installs it)", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                jedis.ping();
                return this;
            } catch (RuntimeException notYet) {
                LocalProcesses.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not start on port " + port);
    }

    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Stops the server's process without closing its socket (SIGSTOP): connections open, nothing answers. */
    public void freeze() {
        signal("-STOP");
    }

    public void thaw() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }

}
