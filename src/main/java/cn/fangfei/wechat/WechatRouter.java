package cn.fangfei.wechat;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import me.chanjar.weixin.mp.api.WxMpMessageRouter;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/**
 * WxJava's router, with one rule per {@link WechatRoute} bean in {@link RoutingTable} order. Every {@link InboundListener} sees a
 * message once the route that answers it is known, just before that route handles it, unless the route
 * is {@link WechatRoute#isConfidential() confidential}; a message no route takes is shown to them too.
 */
@Component
public class WechatRouter implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(WechatRouter.class);

    /** Set in the routing context by the handler of the route that took the message. */
    private static final String ROUTED = WechatRouter.class.getName() + ".routed";

    private final WxMpMessageRouter router;
    private final List<InboundListener> listeners;
    private final List<WechatRoute> table;

    public WechatRouter(WxMpService wxMpService, List<WechatRoute> routes, List<InboundListener> listeners) {
        this.listeners = List.copyOf(listeners);
        router = new WxMpMessageRouter(wxMpService);
        // WxJava's checker answers a retry with an empty reply; RetryDeduplicator gives it the first reply instead.
        router.setMessageDuplicateChecker(messageId -> false);
        table = routes.stream().sorted(Comparator.comparing(WechatRoute::slot)).toList();
        for (int i = 1; i < table.size(); i++) {
            if (table.get(i).slot() == table.get(i - 1).slot()) {
                throw new IllegalStateException("two routes for routing table slot " + table.get(i).slot() + ": "
                        + table.get(i - 1).getClass().getSimpleName() + " and " + table.get(i).getClass().getSimpleName());
            }
        }
        table.forEach(route -> router.rule().async(false).matcher(route)
                        .handler((message, context, service, sessions) -> {
                            context.put(ROUTED, Boolean.TRUE);
                            if (!route.isConfidential()) {
                                notifyListeners(message);
                            }
                            return route.handle(message, context, service, sessions);
                        }).end());
    }

    /** The routes in the order they are tried. */
    public List<WechatRoute> table() {
        return table;
    }

    /** The passive reply to a message, or null for none. */
    public WxMpXmlOutMessage route(WxMpXmlMessage message) {
        Map<String, Object> context = new HashMap<>();
        WxMpXmlOutMessage reply = router.route(message, context);
        if (!context.containsKey(ROUTED)) {
            notifyListeners(message);
        }
        return reply;
    }

    private void notifyListeners(WxMpXmlMessage message) {
        for (InboundListener listener : listeners) {
            try {
                listener.onInbound(message);
            } catch (RuntimeException e) {
                log.warn("inbound listener {} failed, answering anyway ({})", listener.getClass().getSimpleName(),
                        e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public void destroy() {
        router.shutDownExecutorService();
    }
}
