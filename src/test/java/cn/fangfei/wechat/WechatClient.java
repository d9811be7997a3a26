package cn.fangfei.wechat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/** Plays WeChat's server against the portal: signs, encrypts and posts messages as WeChat does. */
public final class WechatClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private final String token;
    private final WxCryptUtil crypt;

    public WechatClient(String baseUrl, String token, String aesKey, String appId) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.crypt = new WxCryptUtil(token, aesKey, appId);
    }

    public record Reply(int status, String body) {
        /** The reply's top-level fields, e.g. Content. */
        public Map<String, String> fields() {
            return WechatClient.fields(body);
        }
    }

    /** A signed plain-mode delivery. */
    public Reply postPlain(String xml) {
        return post(signedQuery(), xml);
    }

    /** A safe-mode delivery; the reply body is returned decrypted (after checking its signature). */
    public Reply postSafe(String plainXml) {
        return decrypt(postSafeRaw(plainXml));
    }

    /** The plain reply inside a safe-mode reply, as WeChat decrypts it. */
    public Reply decrypt(Reply encrypted) {
        if (encrypted.status() != 200 || encrypted.body().equals("success")) {
            return encrypted;
        }
        Map<String, String> fields = fields(encrypted.body());
        String plain = crypt.decryptContent(fields.get("MsgSignature"), fields.get("TimeStamp"),
                fields.get("Nonce"), fields.get("Encrypt"));
        return new Reply(encrypted.status(), plain);
    }

    /** A safe-mode delivery with the reply as sent (still encrypted). */
    public Reply postSafeRaw(String plainXml) {
        String timestamp = now();
        String nonce = nonce();
        String encrypt = crypt.encrypt(nonce + "abcdef", plainXml);
        String body = "<xml><ToUserName><![CDATA[gh_test]]></ToUserName><Encrypt><![CDATA[" + encrypt
                + "]]></Encrypt></xml>";
        return post(signedQuery(timestamp, nonce) + "&encrypt_type=aes&msg_signature="
                + SHA1.gen(token, timestamp, nonce, encrypt), body);
    }

    public String signedQuery() {
        return signedQuery(now(), nonce());
    }

    public String signedQuery(String timestamp, String nonce) {
        return "signature=" + SHA1.gen(token, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
                + "&openid=oTestOpenid";
    }

    public Reply get(String query) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/wechat/portal?" + query)).GET().build());
    }

    public Reply post(String query, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/wechat/portal?" + query))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    /** A body sent chunked, without Content-Length, so only reading the stream can tell its size. */
    public Reply postChunked(String query, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/wechat/portal?" + query))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());
    }

    private static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> fields(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
            Map<String, String> fields = new LinkedHashMap<>();
            for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element) {
                    fields.put(element.getTagName(), element.getTextContent());
                }
            }
            return fields;
        } catch (Exception e) {
            throw new AssertionError("not a reply XML: " + xml, e);
        }
    }

    private static String now() {
        return Long.toString(System.currentTimeMillis() / 1000);
    }

    private static String nonce() {
        return UUID.randomUUID().toString().substring(0, 10);
    }
}
