package cn.fangfei.wechat.handler;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.fangfei.content.Replies;
import cn.fangfei.faq.ResidentQuestions;
import cn.fangfei.wechat.Messages;
import cn.fangfei.wechat.RoutingTable;
import cn.fangfei.wechat.TextReply;
import cn.fangfei.wechat.WechatRoute;
import cn.fangfei.wechat.menu.MenuKey;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/**
 * A click on a menu button. The menu on residents' phones can be older than content/menu.yml, so a key
 * that no longer leads anywhere gets the polite unknown-menu reply.
 */
@Component
public class MenuClickRoute implements WechatRoute {
    private final ResidentQuestions questions;
    private final Replies replies;

    public MenuClickRoute(ResidentQuestions questions, Replies replies) {
        this.questions = questions;
        this.replies = replies;
    }

    @Override
    public RoutingTable slot() {
        return RoutingTable.MENU_CLICK;
    }

    @Override
    public boolean match(WxMpXmlMessage message) {
        return Messages.isClick(message);
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wxMpService,
            WxSessionManager sessionManager) {
        String answer = MenuKey.parse(message.getEventKey()).flatMap(key -> answerOf(message.getFromUser(), key))
                .orElseGet(() -> replies.text("unknown-menu"));
        return TextReply.to(message, answer);
    }

    private Optional<String> answerOf(String openid, MenuKey key) {
        return switch (key.action()) {
            case FAQ -> Optional.ofNullable(questions.menuAnswer(openid, key.target()));
            case REPLY -> fixedReply(key.target());
            // The tip-off and campaign features' routes answer their keys before this catch-all; a key
            // they do not know leads nowhere.
            case TIP, CAMPAIGN -> Optional.empty();
        };
    }

    private Optional<String> fixedReply(String replyKey) {
        try {
            return Optional.of(replies.text(replyKey));
        } catch (IllegalStateException noSuchReply) {
            return Optional.empty();
        }
    }
}
