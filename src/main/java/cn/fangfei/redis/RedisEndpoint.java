package cn.fangfei.redis;

/** How the app reaches Redis (embedded, url or sentinel), and the embedded server when there is one. */
public record RedisEndpoint(String mode, AutoCloseable embeddedServer) implements AutoCloseable {
    @Override
    public void close() throws Exception {
        if (embeddedServer != null) {
            embeddedServer.close();
        }
    }
}
