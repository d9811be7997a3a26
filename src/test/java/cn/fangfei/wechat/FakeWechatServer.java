package cn.fangfei.wechat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * WeChat's HTTP API as the tests' app sees it (fangfei.wechat.api-host points here): hands out a token,
 * answers every other call with errcode 0 unless a test says otherwise, and records what it was sent.
 */
public final class FakeWechatServer {
    private static final MockWebServer SERVER = start();
    private static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();
    private static final Map<String, File> FILES = new ConcurrentHashMap<>();

    private record File(String contentType, byte[] content) {
        MockResponse response() {
            return new MockResponse.Builder().code(200)
                    .setHeader("Content-Type", contentType)
                    .setHeader("Content-Disposition", "attachment; filename=\"media.jpg\"")
                    .body(new Buffer().write(content)).build();
        }
    }
    private static final LinkedBlockingQueue<RecordedRequest> RECEIVED = new LinkedBlockingQueue<>();

    private FakeWechatServer() {
    }

    public static String baseUrl() {
        String url = SERVER.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** Makes WeChat answer calls to {@code path} with {@code json} until {@link #reset()}. */
    public static void answer(String path, String json) {
        ANSWERS.put(path, json);
    }

    /** Makes WeChat answer calls to {@code path} with a file, as the media download API does, until {@link #reset()}. */
    public static void answerFile(String path, String contentType, byte[] content) {
        FILES.put(path, new File(contentType, content.clone()));
    }

    public static void reset() {
        ANSWERS.clear();
        FILES.clear();
        RECEIVED.clear();
    }

    /** The next call to {@code path}, skipping others (such as token requests); fails after 5 s. */
    public static RecordedRequest nextCallTo(String path) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            RecordedRequest request = RECEIVED.poll(100, TimeUnit.MILLISECONDS);
            if (request != null && request.getUrl().encodedPath().equals(path)) {
                return request;
            }
        }
        throw new AssertionError("WeChat API got no call to " + path);
    }

    private static MockWebServer start() {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                RECEIVED.add(request);
                File file = FILES.get(path);
                if (file != null) {
                    return file.response();
                }
                String json = ANSWERS.getOrDefault(path, path.equals("/cgi-bin/token")
                        ? "{\"access_token\":\"FAKE_TOKEN\",\"expires_in\":7200}"
                        : "{\"errcode\":0,\"errmsg\":\"ok\"}");
                return new MockResponse.Builder().code(200)
                        .setHeader("Content-Type", "application/json; charset=utf-8").body(json).build();
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }
}
