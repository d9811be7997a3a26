package cn.fangfei.wechat.handler;

import java.util.Map;

import org.springframework.stereotype.Component;

import cn.fangfei.content.Replies;
import cn.fangfei.faq.ResidentQuestions;
import cn.fangfei.wechat.Messages;
import cn.fangfei.wechat.RoutingTable;
import cn.fangfei.wechat.TextReply;
import cn.fangfei.wechat.WechatRoute;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/**
 * Voice is answered from WeChat's speech recognition (Recognition, present when the account has it
 * switched on), exactly as if the resident had typed it: many older residents prefer to speak.
 */
@Component
public class FaqVoiceRoute implements WechatRoute {
    private final ResidentQuestions questions;
    private final Replies replies;

    public FaqVoiceRoute(ResidentQuestions questions, Replies replies) {
        this.questions = questions;
        this.replies = replies;
    }

    @Override
    public RoutingTable slot() {
        return RoutingTable.FAQ_VOICE;
    }

    @Override
    public boolean match(WxMpXmlMessage message) {
        return Messages.isVoice(message);
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wxMpService,
            WxSessionManager sessionManager) {
        String recognition = Messages.words(message);
        if (recognition.isEmpty()) {
            return TextReply.to(message, replies.text("voice-unrecognized"));
        }
        return TextReply.to(message, questions.reply(message.getFromUser(), recognition));
    }
}
