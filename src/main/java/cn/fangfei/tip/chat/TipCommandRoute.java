package cn.fangfei.tip.chat;

import org.springframework.stereotype.Component;

import cn.fangfei.content.Replies;
import cn.fangfei.faq.ResidentQuestions;
import cn.fangfei.wechat.Messages;
import cn.fangfei.wechat.RoutingTable;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/** 举报 (or another start phrase of content/tip-categories.yml) and 查询, typed or spoken, a bare receipt code, and the menu keys tip:start and tip:status. */
@Component
class TipCommandRoute extends TipChatRoute {
    TipCommandRoute(ChatStates states, TipWizard wizard, ReceiptFollowUp followUp, ResidentQuestions questions,
            Replies replies) {
        super(states, wizard, followUp, questions, replies);
    }

    @Override
    public RoutingTable slot() {
        return RoutingTable.TIP_COMMAND;
    }

    @Override
    public boolean match(WxMpXmlMessage message) {
        if (Messages.isClick(message)) {
            return tipMenuKey(message).isPresent();
        }
        String words = Messages.words(message);
        return !words.isEmpty() && isCommand(words);
    }
}
