package cn.fangfei.wechat.handler;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.fangfei.content.Replies;
import cn.fangfei.wechat.RoutingTable;
import cn.fangfei.wechat.TextReply;
import cn.fangfei.wechat.WechatRoute;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/** Pictures, videos, locations and links: say what the assistant can do instead of staying silent. */
@Component
public class UnsupportedMediaRoute implements WechatRoute {
    private static final Set<String> KINDS = Set.of(
            WxConsts.XmlMsgType.IMAGE, WxConsts.XmlMsgType.VIDEO, WxConsts.XmlMsgType.SHORTVIDEO,
            WxConsts.XmlMsgType.LOCATION, WxConsts.XmlMsgType.LINK);

    private final Replies replies;

    public UnsupportedMediaRoute(Replies replies) {
        this.replies = replies;
    }

    @Override
    public RoutingTable slot() {
        return RoutingTable.UNSUPPORTED_MEDIA;
    }

    @Override
    public boolean match(WxMpXmlMessage message) {
        return KINDS.contains(message.getMsgType());
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wxMpService,
            WxSessionManager sessionManager) {
        return TextReply.to(message, replies.text("unsupported-media"));
    }
}
