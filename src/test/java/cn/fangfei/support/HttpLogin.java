package cn.fangfei.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A staff login over real HTTP, as a browser does it: the form's CSRF token, then the POST. */
public final class HttpLogin {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    public static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpLogin() {
    }

    /**
     * Logs in on the app at {@code base}; {@code forwardedProto} (may be null) is sent as
     * X-Forwarded-Proto, as a TLS proxy would. Returns the response of the login POST.
     */
    public static HttpResponse<String> login(String base, String username, String password, String forwardedProto)
            throws IOException, InterruptedException {
        HttpRequest.Builder form = HttpRequest.newBuilder(URI.create(base + "/login"));
        if (forwardedProto != null) {
            form.header("X-Forwarded-Proto", forwardedProto);
        }
        HttpResponse<String> page = HTTP.send(form.build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException("the login page has no CSRF token");
        }
        // The CSRF token's cookie: the login page creates no session.
        String session = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                        + encode(password) + "&_csrf=" + encode(token.group(1))));
        if (forwardedProto != null) {
            post.header("X-Forwarded-Proto", forwardedProto);
        }
        return HTTP.send(post.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The "name=value" of the session cookie a response set. */
    public static String sessionCookie(HttpResponse<?> response) {
        return sessionSetCookie(response).split(";")[0];
    }

    /**
     * The "name=value" of the CSRF token's cookie a page set: a form's token only works together with
     * it (the token is not kept in the session).
     */
    public static String csrfCookie(HttpResponse<?> page) {
        return page.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("FANGFEI_CSRF="))
                .map(value -> value.split(";")[0]).findFirst()
                .orElseThrow(() -> new AssertionError("no CSRF cookie in " + page.headers()));
    }

    /** The whole Set-Cookie header of the session cookie (the CSRF token's cookie is set beside it). */
    public static String sessionSetCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("FANGFEI_SESSION="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
