package cn.fangfei.campaign.subscription;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import cn.fangfei.wechat.Messages;
import cn.fangfei.wechat.RoutingTable;
import cn.fangfei.wechat.TextReply;
import cn.fangfei.wechat.WechatRoute;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/** "预览绑定 123456" from an editor's phone binds that WeChat for previews (see PreviewTargets). */
@Component
class PreviewBindingRoute implements WechatRoute {
    private static final Pattern COMMAND = Pattern.compile(PreviewTargets.COMMAND + "\\s*(\\d{6})");

    private final PreviewTargets targets;
    private final SubscriptionReplies replies;

    PreviewBindingRoute(PreviewTargets targets, SubscriptionReplies replies) {
        this.targets = targets;
        this.replies = replies;
    }

    @Override
    public RoutingTable slot() {
        return RoutingTable.PREVIEW_BINDING;
    }

    @Override
    public boolean match(WxMpXmlMessage message) {
        return Messages.isText(message) && command(message).matches();
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wxMpService,
            WxSessionManager sessionManager) {
        Matcher command = command(message);
        boolean bound = command.matches() && targets.bind(command.group(1), message.getFromUser());
        return TextReply.to(message, replies.text(bound ? "campaign-preview-bound" : "campaign-preview-code-invalid"));
    }

    private static Matcher command(WxMpXmlMessage message) {
        String text = message.getContent() == null ? "" : Normalizer.normalize(message.getContent().strip(), Normalizer.Form.NFKC);
        return COMMAND.matcher(text);
    }
}
