package cn.fangfei.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.fangfei.simulator.SimulatorAppTest;

/** Residents' pages run no inline script and say so in their CSP; redirects never name the Host a client sent. */
class ResidentPagesHeadersTest extends SimulatorAppTest {
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>");

    @Test
    void theTipFormStatusPageAndArticlesForbidInlineScripts() throws Exception {
        for (String path : new String[] {"/tip", "/tip/status", "/faq/four-features"}) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(policy ->
                    assertThat(policy).contains("default-src 'none'", "script-src 'self';", "frame-ancestors 'none'")
                            .doesNotContain("unsafe-eval").doesNotContainPattern("script-src[^;]*unsafe-inline"));
            assertThat(INLINE_SCRIPT.matcher(page.body()).find()).as(path + " has no inline script").isFalse();
        }
        HttpResponse<String> form = get("/tip");
        assertThat(form.body()).contains("src=\"/assets/tip-upload.js\"").contains("data-max-files=\"5\"")
                .contains("data-max-mb=\"5\"");
        assertThat(get("/assets/tip-upload.js").body()).contains("document.currentScript.dataset");
    }

    @Test
    void aRedirectIsRelativeWhateverHostTheClientNames() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /console HTTP/1.1\r\nHost: evil.example.org\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 302").containsPattern("(?i)\\r\\nLocation: /login\\r\\n")
                    .doesNotContain("evil.example.org");
        }
    }
}
