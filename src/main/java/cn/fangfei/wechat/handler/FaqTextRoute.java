package cn.fangfei.wechat.handler;

import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import cn.fangfei.faq.ResidentQuestions;
import cn.fangfei.wechat.Messages;
import cn.fangfei.wechat.RoutingTable;
import cn.fangfei.wechat.TextReply;
import cn.fangfei.wechat.WechatRoute;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/** Any text no feature claimed is a question for the FAQ. */
@Component
public class FaqTextRoute implements WechatRoute {
    private final ResidentQuestions questions;

    public FaqTextRoute(ResidentQuestions questions) {
        this.questions = questions;
    }

    @Override
    public RoutingTable slot() {
        return RoutingTable.FAQ_TEXT;
    }

    @Override
    public boolean match(WxMpXmlMessage message) {
        return Messages.isText(message);
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wxMpService,
            WxSessionManager sessionManager) {
        String text = Objects.requireNonNullElse(message.getContent(), "");
        return TextReply.to(message, questions.reply(message.getFromUser(), text));
    }
}
