package cn.fangfei.wechat.handler;

import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import cn.fangfei.faq.ResidentQuestions;
import cn.fangfei.wechat.TextReply;
import cn.fangfei.wechat.WechatRoute;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/** Any text no feature claimed is a question for the FAQ. */
@Component
public class TextHandler implements WechatRoute {
    private final ResidentQuestions questions;

    public TextHandler(ResidentQuestions questions) {
        this.questions = questions;
    }

    @Override
    public int getOrder() {
        return FALLBACK;
    }

    @Override
    public boolean match(WxMpXmlMessage message) {
        return WxConsts.XmlMsgType.TEXT.equals(message.getMsgType());
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wxMpService,
            WxSessionManager sessionManager) {
        String text = Objects.requireNonNullElse(message.getContent(), "");
        return TextReply.to(message, questions.reply(message.getFromUser(), text));
    }
}
