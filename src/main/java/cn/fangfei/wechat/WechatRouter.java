package cn.fangfei.wechat;

import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import me.chanjar.weixin.mp.api.WxMpMessageRouter;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/** WxJava's router, with one rule per {@link WechatRoute} bean. */
@Component
public class WechatRouter implements DisposableBean {
    private final WxMpMessageRouter router;

    public WechatRouter(WxMpService wxMpService, List<WechatRoute> routes) {
        router = new WxMpMessageRouter(wxMpService);
        // WxJava's checker answers a retry with an empty reply; RetryDeduplicator gives it the first reply instead.
        router.setMessageDuplicateChecker(messageId -> false);
        routes.stream()
                .sorted(Comparator.comparingInt(WechatRoute::getOrder))
                .forEach(route -> router.rule().async(false).matcher(route).handler(route).end());
    }

    /** The passive reply to a message, or null for none. */
    public WxMpXmlOutMessage route(WxMpXmlMessage message) {
        return router.route(message);
    }

    @Override
    public void destroy() {
        router.shutDownExecutorService();
    }
}
