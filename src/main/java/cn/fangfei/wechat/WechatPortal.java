package cn.fangfei.wechat;

import java.io.InputStream;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.fangfei.crypto.KeyedHash;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/**
 * WeChat's server-to-server protocol: URL verification, and messages in plain or safe (AES) mode.
 * Every step before a reply is computed either passes or ends the request with a {@link PortalRejection}.
 */
@Service
public class WechatPortal {
    /** WeChat's own messages are a few KB at most; anything larger is not from WeChat. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** WeChat's "received, no reply" answer. */
    static final String NO_REPLY = "success";

    private static final Logger log = LoggerFactory.getLogger(WechatPortal.class);
    private static final Pattern MSG_ID_ELEMENT = Pattern.compile("<MsgId>\\s*[0-9]+\\s*</MsgId>");

    private final PortalSignature signature;
    private final WechatAccount account;
    private final WxMpService wxMpService;
    private final MessageReplies replies;
    private final CallbackReplays replays;
    private final KeyedHash hashes;

    WechatPortal(PortalSignature signature, WechatAccount account, WxMpService wxMpService,
            MessageReplies replies, CallbackReplays replays, KeyedHash hashes) {
        this.signature = signature;
        this.account = account;
        this.wxMpService = wxMpService;
        this.replies = replies;
        this.replays = replays;
        this.hashes = hashes;
    }

    /** The URL check WeChat does when the server address is saved in the admin console. */
    public String verify(PortalRequest request, String echostr) {
        if (echostr == null || !signature.isValid(request.timestamp(), request.nonce(), request.signature())) {
            throw PortalRejection.forbidden();
        }
        return echostr;
    }

    /**
     * The response body for one message: reply XML (encrypted in safe mode) or "success". Nothing is
     * stored for a request refused here: the replay check comes after every check of the body.
     */
    public String receive(PortalRequest request, long declaredLength, InputStream body) {
        if (!signature.isValid(request.timestamp(), request.nonce(), request.signature())) {
            throw PortalRejection.forbidden();
        }
        replays.checkFresh(request.timestamp());
        boolean safeMode = request.isSafeMode();
        String xml = LimitedBody.readUtf8(body, declaredLength, MAX_BODY_BYTES);
        InboundXml outer = InboundXml.check(xml);
        InboundXml inbound = safeMode ? InboundXml.check(decrypt(request, xml, outer)) : outer;
        WxMpXmlMessage message = parse(inbound);
        if (isBlank(message.getFromUser()) || isBlank(message.getMsgType())) {
            throw PortalRejection.badRequest();
        }
        String dedupKey = WechatKeys.dedup(hashes, message, inbound.msgId());
        String replyXml = switch (replays.remember(request, xml)) {
            case FIRST -> replies.replyXml(message, dedupKey);
            case RETRY -> replies.repeatedReplyXml(dedupKey);
        };
        if (replyXml.isEmpty()) {
            return NO_REPLY;
        }
        return safeMode ? new AppIdCheckingCrypt(wxMpService.getWxMpConfigStorage()).encrypt(replyXml) : replyXml;
    }

    /** The plain message XML inside a safe-mode body, refused (400) unless it was encrypted for our AppId. */
    private String decrypt(PortalRequest request, String xml, InboundXml inbound) {
        String encrypt = inbound.encrypt().orElseThrow(PortalRejection::badRequest);
        if (!signature.isValidMessage(request.timestamp(), request.nonce(), encrypt, request.msgSignature())) {
            throw PortalRejection.forbidden();
        }
        if (!account.supportsSafeMode()) {
            log.warn("a safe-mode message arrived but fangfei.wechat.aes-key is not set");
            throw PortalRejection.badRequest();
        }
        try {
            return new AppIdCheckingCrypt(wxMpService.getWxMpConfigStorage())
                    .decryptXml(request.msgSignature(), request.timestamp(), request.nonce(), xml);
        } catch (RuntimeException e) {
            throw PortalRejection.badRequest();
        }
    }

    /**
     * WxJava's message without the MsgId, which WxJava reads into a {@code Long} and so fails from 2^63
     * on; the MsgId is used as text from {@link InboundXml}.
     */
    private static WxMpXmlMessage parse(InboundXml inbound) {
        try {
            return WxMpXmlMessage.fromXml(MSG_ID_ELEMENT.matcher(inbound.xml()).replaceFirst(""));
        } catch (RuntimeException e) {
            throw PortalRejection.badRequest();
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
