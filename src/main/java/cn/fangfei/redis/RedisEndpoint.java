package cn.fangfei.redis;

/** How the app reaches Redis (embedded, url or sentinel), and the embedded server when there is one. */
public record RedisEndpoint(String mode, AutoCloseable embeddedServer) implements AutoCloseable {
    /** The URL of a single Redis (embedded or configured); not meaningful in Sentinel mode. */
    public String url(RedisProperties properties) {
        return embeddedServer instanceof EmbeddedRedis embedded ? embedded.url() : properties.url();
    }

    @Override
    public void close() throws Exception {
        if (embeddedServer != null) {
            embeddedServer.close();
        }
    }
}
