package cn.fangfei.tip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A resident's browser on the tip-off pages, over real HTTP (Tomcat's multipart parsing, the CSRF
 * filter and the upload limit all take part): keeps the session cookie and sends forms as browsers do.
 */
public final class TipWebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern DRAFT = Pattern.compile("name=\"draft\" value=\"([^\"]+)\"");
    private static final Pattern ERROR = Pattern.compile("class=\"error\"[^>]*>([^<]*)<");

    private final String baseUrl;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();

    public TipWebClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** The names of the cookies the site has set in this browser. */
    public List<String> cookieNames() {
        return cookies.getCookieStore().getCookies().stream().map(HttpCookie::getName).toList();
    }

    public record Upload(String fileName, String contentType, byte[] content) {
    }

    public record Page(int status, String body) {
        public String csrf() {
            return find(CSRF, "_csrf");
        }

        public String draft() {
            return find(DRAFT, "draft");
        }

        /** The error shown on the page, empty when none. */
        public String error() {
            Matcher matcher = ERROR.matcher(body);
            while (matcher.find()) {
                if (!matcher.group(1).isBlank()) {
                    return matcher.group(1).strip();
                }
            }
            return "";
        }

        /** The page with the per-request CSRF token blanked out, for comparing two answers. */
        public String withoutToken() {
            return CSRF.matcher(body).replaceAll("name=\"_csrf\" value=\"\"");
        }

        private String find(Pattern pattern, String what) {
            Matcher matcher = pattern.matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("no " + what + " in page (" + status + "): " + body);
            }
            return matcher.group(1);
        }
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    /** Fills and sends the tip form (fetching it first for its token and draft id). */
    public Page submitTip(String category, String what, String where, String contact, Upload... files) {
        Page form = get("/tip");
        return postMultipart("/tip", Map.of("_csrf", form.csrf(), "draft", form.draft(), "category", category,
                "what", what, "where", where, "contact", contact), List.of(files));
    }

    public Page postMultipart(String path, Map<String, String> fields, List<Upload> files) {
        String boundary = "----fangfei" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n"));
        if (files.isEmpty()) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n\r\n");
        }
        for (Upload file : files) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + file.fileName()
                    + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
            body.writeBytes(file.content());
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    public Page postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Looks a receipt up on /tip/status, as the lookup form does. */
    public Page status(String receipt) {
        Page lookup = get("/tip/status");
        return postForm("/tip/status", Map.of("_csrf", lookup.csrf(), "receipt", receipt));
    }

    /** Browsers ask for HTML; error pages depend on it. */
    private Page send(HttpRequest request) {
        HttpRequest asBrowser = HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").build();
        try {
            HttpResponse<String> response = http.send(asBrowser, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
