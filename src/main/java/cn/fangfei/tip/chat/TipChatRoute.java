package cn.fangfei.tip.chat;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.fangfei.content.Replies;
import cn.fangfei.faq.ResidentQuestions;
import cn.fangfei.wechat.TextReply;
import cn.fangfei.wechat.WechatRoute;
import cn.fangfei.wechat.menu.MenuKey;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Puts the tip-off conversation ahead of the FAQ, but only where it belongs: the words 举报 and 查询,
 * a bare receipt code, the menu keys tip:start and tip:status, and every text, voice or image message
 * of a resident in the middle of a conversation. When Redis is down, ordinary questions still go to
 * the FAQ, which answers without it.
 */
@Component
class TipChatRoute implements WechatRoute {
    private static final Logger log = LoggerFactory.getLogger(TipChatRoute.class);

    private final TipConversation conversation;
    private final ResidentQuestions questions;
    private final Replies replies;

    TipChatRoute(TipConversation conversation, ResidentQuestions questions, Replies replies) {
        this.conversation = conversation;
        this.questions = questions;
        this.replies = replies;
    }

    @Override
    public boolean match(WxMpXmlMessage message) {
        String kind = message.getMsgType();
        if (WxConsts.XmlMsgType.EVENT.equals(kind)) {
            return WxConsts.EventType.CLICK.equalsIgnoreCase(message.getEvent()) && tipMenuKey(message).isPresent();
        }
        if (WxConsts.XmlMsgType.TEXT.equals(kind) && TipConversation.isKeyword(message.getContent())) {
            return true;
        }
        if (!WxConsts.XmlMsgType.TEXT.equals(kind) && !WxConsts.XmlMsgType.VOICE.equals(kind)
                && !WxConsts.XmlMsgType.IMAGE.equals(kind)) {
            return false;
        }
        try {
            return conversation.inConversation(message.getFromUser());
        } catch (JedisException e) {
            log.warn("Redis unavailable, cannot tell whether a resident is writing a tip-off ({})", e.getClass().getSimpleName());
            return false;
        }
    }

    /** Everything a resident sends inside the tip-off conversation, its menu click included, leaves no activity time. */
    @Override
    public boolean isConfidential() {
        return true;
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wxMpService,
            WxSessionManager sessionManager) {
        String openid = message.getFromUser();
        String reply = switch (message.getMsgType()) {
            case WxConsts.XmlMsgType.EVENT -> tipMenuKey(message).map(MenuKey::target).orElse("")
                    .equals("start") ? conversation.start(openid) : conversation.queryHelp();
            case WxConsts.XmlMsgType.IMAGE -> conversation.image(openid, message.getMediaId());
            case WxConsts.XmlMsgType.VOICE -> voice(openid, message.getRecognition());
            default -> text(openid, Objects.requireNonNullElse(message.getContent(), ""));
        };
        return TextReply.to(message, reply);
    }

    private String voice(String openid, String recognition) {
        if (recognition == null || recognition.isBlank()) {
            return replies.text("voice-unrecognized");
        }
        return text(openid, recognition.strip());
    }

    private String text(String openid, String text) {
        String reply = conversation.text(openid, text);
        return reply != null ? reply : questions.reply(openid, text);
    }

    private static Optional<MenuKey> tipMenuKey(WxMpXmlMessage message) {
        return MenuKey.parse(message.getEventKey()).filter(key -> key.action() == MenuKey.Action.TIP);
    }
}
