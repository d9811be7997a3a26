package cn.fangfei.wechat.handler;

import java.util.Map;

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

/** The text or voice a resident sends after the 项目风险自测 button asked them to describe the project. */
@Component
public class RiskDescriptionRoute implements WechatRoute {
    private final ResidentQuestions questions;

    public RiskDescriptionRoute(ResidentQuestions questions) {
        this.questions = questions;
    }

    @Override
    public RoutingTable slot() {
        return RoutingTable.RISK_DESCRIPTION;
    }

    @Override
    public boolean match(WxMpXmlMessage message) {
        return !Messages.words(message).isEmpty() && questions.awaitsRiskDescription(message.getFromUser());
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wxMpService,
            WxSessionManager sessionManager) {
        return TextReply.to(message, questions.assessRisk(message.getFromUser(), Messages.words(message)));
    }
}
