package cn.fangfei.wechat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * WeChat's HTTP API as the tests' app sees it (fangfei.wechat.api-host points here): hands out a token,
 * answers sends and user-tag calls the way WeChat does (message ids, created tags), every other call
 * with errcode 0 unless a test says otherwise, and records what it was sent.
 */
public final class FakeWechatServer {
    private static final MockWebServer SERVER = start();
    private static final Map<String, Function<RecordedRequest, String>> ANSWERS = new ConcurrentHashMap<>();
    private static final Map<String, File> FILES = new ConcurrentHashMap<>();
    private static final LinkedBlockingQueue<RecordedRequest> RECEIVED = new LinkedBlockingQueue<>();
    private static final List<RecordedRequest> HISTORY = new ArrayList<>();
    private static final Map<String, Long> TAGS = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong(1000);
    private static final Pattern TAG_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]*)\"");

    /** A file the media download API hands out. */
    private record File(String contentType, byte[] content) {
        MockResponse response() {
            return new MockResponse.Builder().code(200)
                    .setHeader("Content-Type", contentType)
                    .setHeader("Content-Disposition", "attachment; filename=\"media.jpg\"")
                    .body(new Buffer().write(content)).build();
        }
    }

    private FakeWechatServer() {
    }

    public static String baseUrl() {
        String url = SERVER.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** Makes WeChat answer calls to {@code path} with {@code json} until {@link #reset()}. */
    public static void answer(String path, String json) {
        ANSWERS.put(path, request -> json);
    }

    /** Makes WeChat answer each call to {@code path} as {@code reply} says (null: the usual answer) until {@link #reset()}. */
    public static void answer(String path, Function<RecordedRequest, String> reply) {
        ANSWERS.put(path, reply);
    }

    /** Makes WeChat answer calls to {@code path} with a file, as the media download API does, until {@link #reset()}. */
    public static void answerFile(String path, String contentType, byte[] content) {
        FILES.put(path, new File(contentType, content.clone()));
    }

    public static void reset() {
        ANSWERS.clear();
        FILES.clear();
        RECEIVED.clear();
        TAGS.clear();
        synchronized (HISTORY) {
            HISTORY.clear();
        }
    }

    /** The bodies of every call to {@code path} since the last reset, in arrival order. */
    public static List<String> bodiesSentTo(String path) {
        synchronized (HISTORY) {
            return HISTORY.stream().filter(r -> r.getUrl().encodedPath().equals(path))
                    .map(r -> r.getBody() == null ? "" : r.getBody().string(StandardCharsets.UTF_8)).toList();
        }
    }

    /** The paths of every call since the last reset (token requests left out), in arrival order. */
    public static List<String> pathsCalled() {
        synchronized (HISTORY) {
            return HISTORY.stream().map(r -> r.getUrl().encodedPath()).filter(p -> !p.equals("/cgi-bin/token")).toList();
        }
    }

    private static String usualAnswer(String path, RecordedRequest request) {
        return switch (path) {
            case "/cgi-bin/token" -> "{\"access_token\":\"FAKE_TOKEN\",\"expires_in\":7200}";
            case "/cgi-bin/message/template/send" -> "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + IDS.incrementAndGet() + "}";
            case "/cgi-bin/message/mass/sendall" -> "{\"errcode\":0,\"errmsg\":\"send job submission success\",\"msg_id\":"
                    + IDS.incrementAndGet() + ",\"msg_data_id\":" + IDS.incrementAndGet() + "}";
            case "/cgi-bin/tags/get" -> {
                StringBuilder tags = new StringBuilder();
                TAGS.forEach((name, id) -> tags.append(tags.isEmpty() ? "" : ",")
                        .append("{\"id\":").append(id).append(",\"name\":\"").append(name).append("\",\"count\":0}"));
                yield "{\"tags\":[" + tags + "]}";
            }
            case "/cgi-bin/tags/create" -> {
                Matcher name = TAG_NAME.matcher(request.getBody().string(StandardCharsets.UTF_8));
                String tagName = name.find() ? name.group(1) : "?";
                long id = TAGS.computeIfAbsent(tagName, n -> IDS.incrementAndGet());
                yield "{\"tag\":{\"id\":" + id + ",\"name\":\"" + tagName + "\"}}";
            }
            default -> "{\"errcode\":0,\"errmsg\":\"ok\"}";
        };
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
                synchronized (HISTORY) {
                    HISTORY.add(request);
                }
                File file = FILES.get(path);
                if (file != null) {
                    return file.response();
                }
                Function<RecordedRequest, String> scripted = ANSWERS.get(path);
                String json = scripted == null ? null : scripted.apply(request);
                if (json == null) {
                    json = usualAnswer(path, request);
                }
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
