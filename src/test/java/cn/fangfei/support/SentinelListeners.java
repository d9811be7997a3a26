package cn.fangfei.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * Jedis follows the Sentinels with one thread per Sentinel ("MasterListener-..."), which retries every
 * five seconds once its Sentinel is gone. A pool closed before that thread has subscribed does not stop
 * it (the thread marks itself running when it starts), so a test closes its pool only once every
 * listener listens, and then checks that none is left to log failures for the rest of the run.
 */
public final class SentinelListeners {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private SentinelListeners() {
    }

    /** Waits until a client of each Sentinel ("host:port") is subscribed, as a pool's listener is. */
    public static void awaitListening(Iterable<String> sentinels) {
        for (String address : sentinels) {
            HostAndPort sentinel = HostAndPort.from(address);
            try (Jedis jedis = new Jedis(sentinel.getHost(), sentinel.getPort())) {
                await().atMost(LIMIT).until(() -> jedis.clientList().contains("cmd=subscribe"));
            }
        }
    }

    /** Waits until no listener for {@code master} runs any more; fails if one still does after a few seconds. */
    public static void awaitNoneFor(String master) {
        await().atMost(LIMIT).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.isAlive() && thread.getName().startsWith("MasterListener-" + master + "-")));
    }
}
