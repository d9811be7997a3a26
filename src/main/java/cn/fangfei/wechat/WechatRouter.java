package cn.fangfei.wechat;

import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import me.chanjar.weixin.mp.api.WxMpMessageRouter;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/** WxJava's router, with one rule per {@link WechatRoute} bean, after every {@link InboundListener}. */
@Component
public class WechatRouter implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(WechatRouter.class);

    private final WxMpMessageRouter router;
    private final List<InboundListener> listeners;

    public WechatRouter(WxMpService wxMpService, List<WechatRoute> routes, List<InboundListener> listeners) {
        this.listeners = List.copyOf(listeners);
        router = new WxMpMessageRouter(wxMpService);
        // WxJava's checker answers a retry with an empty reply; RetryDeduplicator gives it the first reply instead.
        router.setMessageDuplicateChecker(messageId -> false);
        routes.stream()
                .sorted(Comparator.comparingInt(WechatRoute::getOrder))
                .forEach(route -> router.rule().async(false).matcher(route).handler(route).end());
    }

    /** The passive reply to a message, or null for none. */
    public WxMpXmlOutMessage route(WxMpXmlMessage message) {
        for (InboundListener listener : listeners) {
            try {
                listener.onInbound(message);
            } catch (RuntimeException e) {
                log.warn("inbound listener {} failed, answering anyway ({})", listener.getClass().getSimpleName(),
                        e.getClass().getSimpleName());
            }
        }
        return router.route(message);
    }

    @Override
    public void destroy() {
        router.shutDownExecutorService();
    }
}
