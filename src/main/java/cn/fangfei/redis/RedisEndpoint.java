package cn.fangfei.redis;

import java.io.IOException;
import java.net.URI;

/** The Redis the app talks to, and the embedded server behind it when there is one. */
public record RedisEndpoint(URI uri, AutoCloseable embeddedServer) implements AutoCloseable {
    @Override
    public void close() throws Exception {
        if (embeddedServer != null) {
            embeddedServer.close();
        }
    }

    public boolean isEmbedded() {
        return embeddedServer != null;
    }
}
