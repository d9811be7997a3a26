package cn.fangfei.wechat;

import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;

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

    private final PortalSignature signature;
    private final WechatAccount account;
    private final WxMpService wxMpService;
    private final MessageReplies replies;

    public WechatPortal(PortalSignature signature, WechatAccount account, WxMpService wxMpService,
            MessageReplies replies) {
        this.signature = signature;
        this.account = account;
        this.wxMpService = wxMpService;
        this.replies = replies;
    }

    /** The URL check WeChat does when the server address is saved in the admin console. */
    public String verify(PortalRequest request, String echostr) {
        if (echostr == null || !signature.isValid(request.timestamp(), request.nonce(), request.signature())) {
            throw PortalRejection.forbidden();
        }
        return echostr;
    }

    /** The response body for one message: reply XML (encrypted in safe mode) or "success". */
    public String receive(PortalRequest request, long declaredLength, InputStream body) {
        if (!signature.isValid(request.timestamp(), request.nonce(), request.signature())) {
            throw PortalRejection.forbidden();
        }
        boolean safeMode = request.isSafeMode();
        String xml = LimitedBody.readUtf8(body, declaredLength, MAX_BODY_BYTES);
        InboundXml inbound = InboundXml.check(xml);
        WxMpXmlMessage message = safeMode ? decrypt(request, xml, inbound) : parse(xml);
        if (isBlank(message.getFromUser()) || isBlank(message.getMsgType())) {
            throw PortalRejection.badRequest();
        }
        String replyXml = replies.replyXml(message);
        if (replyXml.isEmpty()) {
            return NO_REPLY;
        }
        return safeMode ? new WxMpCryptUtil(wxMpService.getWxMpConfigStorage()).encrypt(replyXml) : replyXml;
    }

    private WxMpXmlMessage decrypt(PortalRequest request, String xml, InboundXml inbound) {
        String encrypt = inbound.encrypt().orElseThrow(PortalRejection::badRequest);
        if (!signature.isValidMessage(request.timestamp(), request.nonce(), encrypt, request.msgSignature())) {
            throw PortalRejection.forbidden();
        }
        if (!account.supportsSafeMode()) {
            log.warn("a safe-mode message arrived but fangfei.wechat.aes-key is not set");
            throw PortalRejection.badRequest();
        }
        try {
            return WxMpXmlMessage.fromEncryptedXml(xml, wxMpService.getWxMpConfigStorage(),
                    request.timestamp(), request.nonce(), request.msgSignature());
        } catch (RuntimeException e) {
            throw PortalRejection.badRequest();
        }
    }

    private static WxMpXmlMessage parse(String xml) {
        try {
            return WxMpXmlMessage.fromXml(xml);
        } catch (RuntimeException e) {
            throw PortalRejection.badRequest();
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
