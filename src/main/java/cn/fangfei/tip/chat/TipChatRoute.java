package cn.fangfei.tip.chat;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.fangfei.content.Replies;
import cn.fangfei.faq.ResidentQuestions;
import cn.fangfei.wechat.Messages;
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
 * The anonymous tip-off conversation's answers, shared by its two routes: {@link TipConversationRoute}
 * (every message of a resident in the middle of a conversation, first in the routing table) and
 * {@link TipCommandRoute} (举报, 查询, a receipt code and the tip menu keys). When Redis is down,
 * ordinary questions still go to the FAQ, which answers without it.
 */
abstract class TipChatRoute implements WechatRoute {
    private static final Logger log = LoggerFactory.getLogger(TipChatRoute.class);

    final TipConversation conversation;
    private final ResidentQuestions questions;
    private final Replies replies;

    TipChatRoute(TipConversation conversation, ResidentQuestions questions, Replies replies) {
        this.conversation = conversation;
        this.questions = questions;
        this.replies = replies;
    }

    /** Everything a resident sends inside the tip-off conversation, its menu click included, leaves no activity time. */
    @Override
    public boolean isConfidential() {
        return true;
    }

    /** Whether this resident is writing a tip-off; false when Redis cannot tell. */
    boolean inConversation(String openid) {
        try {
            return conversation.inConversation(openid);
        } catch (JedisException e) {
            log.warn("Redis unavailable, cannot tell whether a resident is writing a tip-off ({})", e.getClass().getSimpleName());
            return false;
        }
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wxMpService,
            WxSessionManager sessionManager) {
        String openid = message.getFromUser();
        String reply = switch (message.getMsgType()) {
            case WxConsts.XmlMsgType.EVENT -> tipMenuKey(message).map(MenuKey::target).orElse("")
                    .equals("start") ? conversation.start(openid) : conversation.queryHelp();
            case WxConsts.XmlMsgType.IMAGE -> conversation.image(openid, message.getMediaId());
            case WxConsts.XmlMsgType.VOICE -> voice(openid, Messages.words(message));
            default -> text(openid, Objects.requireNonNullElse(message.getContent(), ""));
        };
        return TextReply.to(message, reply);
    }

    private String voice(String openid, String recognition) {
        return recognition.isEmpty() ? replies.text("voice-unrecognized") : text(openid, recognition);
    }

    private String text(String openid, String text) {
        String reply = conversation.text(openid, text);
        return reply != null ? reply : questions.reply(openid, text);
    }

    static Optional<MenuKey> tipMenuKey(WxMpXmlMessage message) {
        return MenuKey.parse(message.getEventKey()).filter(key -> key.action() == MenuKey.Action.TIP);
    }
}
