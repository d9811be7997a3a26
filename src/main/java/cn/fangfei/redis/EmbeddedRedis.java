package cn.fangfei.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import redis.embedded.RedisServer;

/**
 * The no-setup local default: a Redis child process on a free loopback port, with AOF on so that
 * tips and state survive a restart of the app.
 */
final class EmbeddedRedis implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static EmbeddedRedis start(String dataDir) {
        try {
            Path dir = Path.of(dataDir).toAbsolutePath().normalize();
            Files.createDirectories(dir);
            int port = freeLoopbackPort();
            RedisServer server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .setting("dir " + dir)
                    .setting("maxmemory-policy noeviction")
                    .build();
            server.start();
            log.info("FANGFEI_REDIS_URL is not set: started embedded Redis at redis://127.0.0.1:{} (AOF on, data in {})",
                    port, dir);
            return new EmbeddedRedis(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded Redis", e);
        }
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
