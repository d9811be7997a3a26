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
 * The anonymous tip-off conversations' answers, shared by their two routes: {@link TipConversationRoute}
 * (every message of a resident in the middle of a conversation, first in the routing table) and
 * {@link TipCommandRoute} (举报, 查询, a receipt code and the tip menu keys). Each message goes to the
 * {@link TipWizard} or the {@link ReceiptFollowUp}, by the resident's chat state. When Redis is down,
 * ordinary questions still go to the FAQ, which answers without it.
 */
abstract class TipChatRoute implements WechatRoute {
    private static final Logger log = LoggerFactory.getLogger(TipChatRoute.class);

    private final ChatStates states;
    private final TipWizard wizard;
    private final ReceiptFollowUp followUp;
    private final ResidentQuestions questions;
    private final Replies replies;

    TipChatRoute(ChatStates states, TipWizard wizard, ReceiptFollowUp followUp, ResidentQuestions questions,
            Replies replies) {
        this.states = states;
        this.wizard = wizard;
        this.followUp = followUp;
        this.questions = questions;
        this.replies = replies;
    }

    /** Everything a resident sends inside the tip-off conversation, its menu click included, leaves no activity time. */
    @Override
    public boolean isConfidential() {
        return true;
    }

    /** Whether stripped words outside any conversation are ours: 举报 (or a start phrase), 查询..., or a receipt code. */
    boolean isCommand(String words) {
        return wizard.isStart(words) || followUp.isQuery(words);
    }

    /** Whether this resident is writing a tip-off; false when Redis cannot tell. */
    boolean inConversation(String openid) {
        try {
            return states.exists(openid);
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
                    .equals("start") ? wizard.start(openid) : followUp.queryHelp();
            case WxConsts.XmlMsgType.IMAGE -> image(openid, message.getMediaId());
            case WxConsts.XmlMsgType.VOICE -> voice(openid, Messages.words(message));
            default -> text(openid, Objects.requireNonNullElse(message.getContent(), ""));
        };
        return TextReply.to(message, reply);
    }

    private String voice(String openid, String recognition) {
        return recognition.isEmpty() ? replies.text("voice-unrecognized") : text(openid, recognition);
    }

    private String text(String openid, String text) {
        String reply = conversationReply(openid, text.strip());
        return reply != null ? reply : questions.reply(openid, text);
    }

    /**
     * A start phrase or a receipt query outside a draft begins anew (a follow-up gives way to it); inside
     * a draft even those words belong to the draft. Null when the text is for no conversation after all
     * (the conversation just expired).
     */
    private String conversationReply(String openid, String text) {
        Optional<ChatState> state = states.find(openid);
        boolean drafting = state.isPresent() && state.get().mode() == ChatState.Mode.NEW;
        if (!drafting) {
            if (wizard.isStart(text)) {
                return wizard.start(openid);
            }
            if (followUp.isQuery(text)) {
                return followUp.query(openid, text);
            }
        }
        if (state.isEmpty()) {
            return null;
        }
        return drafting ? wizard.text(openid, state.get(), text) : followUp.text(openid, state.get(), text);
    }

    /** Null outside a conversation (the conversation just expired). */
    private String image(String openid, String mediaId) {
        Optional<ChatState> state = states.find(openid);
        if (state.isEmpty()) {
            return null;
        }
        return state.get().mode() == ChatState.Mode.NEW ? wizard.image(openid, state.get(), mediaId)
                : followUp.image(openid, state.get(), mediaId);
    }

    static Optional<MenuKey> tipMenuKey(WxMpXmlMessage message) {
        return MenuKey.parse(message.getEventKey()).filter(key -> key.action() == MenuKey.Action.TIP);
    }
}
