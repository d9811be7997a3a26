package cn.fangfei.tip.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests from loopback that claim, in X-Forwarded-For, to come from another client: a receipt lookup
 * on /tip/status and a staff login, each with the form's CSRF token and cookie as a browser sends them.
 */
final class ForwardedAddresses {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;

    ForwardedAddresses(String base) {
        this.base = base;
    }

    /** The status of looking a wrong receipt up, claiming to be {@code client}. */
    int wrongReceipt(String client) throws Exception {
        return post("/tip/status", client, "receipt=ZZZZ-ZZZZ-ZZZZ").statusCode();
    }

    /** Where a wrong-password login for {@code username} is sent, claiming to be {@code client}. */
    String wrongLogin(String username, String client) throws Exception {
        return post("/login", client, "username=" + username + "&password=wrong-password")
                .headers().firstValue("Location").orElse("");
    }

    private HttpResponse<String> post(String path, String client, String fields) throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("X-Forwarded-For", client).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(page.body());
        if (!token.find()) {
            throw new AssertionError("no CSRF token on " + path + ": " + page.body());
        }
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("FANGFEI_CSRF="))
                .map(value -> value.split(";")[0]).findFirst().orElseThrow();
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("X-Forwarded-For", client)
                .header("Cookie", cookie)
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields + "&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
