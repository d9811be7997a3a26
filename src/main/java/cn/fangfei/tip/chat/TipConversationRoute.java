package cn.fangfei.tip.chat;

import org.springframework.stereotype.Component;

import cn.fangfei.content.Replies;
import cn.fangfei.faq.ResidentQuestions;
import cn.fangfei.wechat.Messages;
import cn.fangfei.wechat.RoutingTable;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/**
 * Every text, voice or image of a resident in the middle of a tip-off goes on with the tip-off, even
 * words that are commands elsewhere (订阅提醒 is then part of the report, not a subscription).
 */
@Component
class TipConversationRoute extends TipChatRoute {
    TipConversationRoute(ChatStates states, TipWizard wizard, ReceiptFollowUp followUp, ResidentQuestions questions,
            Replies replies) {
        super(states, wizard, followUp, questions, replies);
    }

    @Override
    public RoutingTable slot() {
        return RoutingTable.TIP_CONVERSATION;
    }

    @Override
    public boolean match(WxMpXmlMessage message) {
        return (Messages.isText(message) || Messages.isVoice(message) || Messages.isImage(message))
                && inConversation(message.getFromUser());
    }
}
