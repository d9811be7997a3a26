package cn.fangfei.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

import cn.fangfei.wechat.SimulatorAccount;
import cn.fangfei.wechat.WechatAccount;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * Plays WeChat's server: builds the message XML WeChat would send, signs it (and encrypts it in safe
 * mode), posts it over HTTP to this app's own /wechat/portal and reads the reply the way WeChat
 * would. Nothing is short-circuited, so what works here works with the real account.
 */
@Service
@Conditional(OnSimulatorMode.class)
class SimulatedWechat {
    private static final Logger log = LoggerFactory.getLogger(SimulatedWechat.class);
    /** WeChat gives up on a server after 5 s; waiting a little longer shows slow replies as such. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String NONCE_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final WechatAccount account;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final SecureRandom random = new SecureRandom();

    SimulatedWechat(WechatAccount account) {
        this.account = account;
    }

    /** The reply bubbles, after a real round trip through the portal at {@code portalUri}. */
    SimulatorReply deliver(SimulatedMessage message, URI portalUri) {
        String plainXml = xmlOf(message);
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = randomText(10);
        UriComponentsBuilder url = UriComponentsBuilder.fromUri(portalUri)
                .queryParam("signature", SHA1.gen(account.token(), timestamp, nonce))
                .queryParam("timestamp", timestamp)
                .queryParam("nonce", nonce)
                .queryParam("openid", message.openid());
        String body = plainXml;
        if (message.safe()) {
            String encrypt = crypt().encrypt(randomText(16), plainXml);
            body = new WechatXmlWriter().text("ToUserName", SimulatorAccount.ORIGINAL_ID).text("Encrypt", encrypt).build();
            url.queryParam("encrypt_type", "aes")
                    .queryParam("msg_signature", SHA1.gen(account.token(), timestamp, nonce, encrypt));
        }
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(url.encode().build().toUri())
                            .timeout(TIMEOUT)
                            .header("Content-Type", "text/xml;charset=UTF-8")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.warn("simulator could not reach /wechat/portal ({})", e.getClass().getSimpleName());
            return SimulatorReply.failed("连接公众号后台失败");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SimulatorReply.failed("已取消");
        }
        if (response.statusCode() != 200) {
            return SimulatorReply.failed("公众号后台返回 HTTP " + response.statusCode());
        }
        return readReply(response.body(), message.safe());
    }

    private SimulatorReply readReply(String body, boolean safe) {
        String reply = body.strip();
        if (reply.isEmpty() || reply.equals("success")) {
            return SimulatorReply.of(List.of());
        }
        try {
            Map<String, String> fields = ReplyXml.fields(reply);
            if (safe) {
                String plain = crypt().decryptContent(fields.get("MsgSignature"), fields.get("TimeStamp"),
                        fields.get("Nonce"), fields.get("Encrypt"));
                fields = ReplyXml.fields(plain);
            }
            return SimulatorReply.of(bubbles(fields));
        } catch (RuntimeException e) {
            log.warn("simulator could not read the portal's reply ({})", e.getClass().getSimpleName());
            return SimulatorReply.failed("无法解析公众号后台的回复");
        }
    }

    private static List<String> bubbles(Map<String, String> reply) {
        List<String> out = new ArrayList<>();
        String type = reply.getOrDefault("MsgType", "");
        if (type.equals(WxConsts.XmlMsgType.TEXT)) {
            out.add(reply.getOrDefault("Content", ""));
        } else {
            out.add("[" + type + " 消息]");
        }
        return out;
    }

    private String xmlOf(SimulatedMessage message) {
        WechatXmlWriter xml = new WechatXmlWriter()
                .text("ToUserName", SimulatorAccount.ORIGINAL_ID)
                .text("FromUserName", message.openid())
                .number("CreateTime", System.currentTimeMillis() / 1000);
        return switch (message.kind()) {
            case TEXT -> xml.text("MsgType", "text").text("Content", message.content())
                    .number("MsgId", msgId()).build();
            case VOICE -> xml.text("MsgType", "voice").text("MediaId", "simulated-" + randomText(16))
                    .text("Format", "amr").text("Recognition", message.content())
                    .number("MsgId", msgId()).build();
            case CLICK -> xml.text("MsgType", "event").text("Event", "CLICK")
                    .text("EventKey", message.content()).build();
            case SUBSCRIBE -> xml.text("MsgType", "event").text("Event", "subscribe").build();
            case UNSUBSCRIBE -> xml.text("MsgType", "event").text("Event", "unsubscribe").build();
        };
    }

    private WxCryptUtil crypt() {
        return new WxCryptUtil(account.token(), account.aesKey(), account.appId());
    }

    private long msgId() {
        return random.nextLong() & Long.MAX_VALUE;
    }

    private String randomText(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(NONCE_CHARS.charAt(random.nextInt(NONCE_CHARS.length())));
        }
        return out.toString();
    }
}
