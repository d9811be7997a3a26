package cn.fangfei.tip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * A Redis of a test's own (the embedded-redis binary the app itself uses locally), on a free port with
 * its data in a directory and every write fsynced to the AOF, so that it can be stopped in the middle
 * of a test and started again with its data.
 */
final class RestartableRedis {
    private final int port;
    private final Path dir;
    private RedisServer server;

    private RestartableRedis(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    static RestartableRedis startIn(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RestartableRedis redis = new RestartableRedis(freePort(), dir);
        redis.start();
        return redis;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    void start() {
        try {
            server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("dir " + dir.toAbsolutePath())
                    .setting("appendonly yes")
                    .setting("appendfsync always")
                    .build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            jedis.ping();
        }
    }

    void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
