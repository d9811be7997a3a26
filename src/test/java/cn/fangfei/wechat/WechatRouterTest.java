package cn.fangfei.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.faq.ResidentQuestions;
import cn.fangfei.wechat.handler.TextHandler;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

class WechatRouterTest extends WechatAppTest {
    @Autowired
    WxMpService wxMpService;

    @Autowired
    TextHandler textHandler;

    @Autowired
    ResidentQuestions questions;

    /** What a feature such as tip-offs will add: a keyword route, declared without touching the router. */
    static class TipOffKeyword implements WechatRoute {
        @Override
        public boolean match(WxMpXmlMessage message) {
            return "text".equals(message.getMsgType()) && "举报".equals(message.getContent());
        }

        @Override
        public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService service,
                WxSessionManager sessions) {
            return TextReply.to(message, "tip-off flow");
        }
    }

    @Test
    void aFeatureRouteGoesBeforeTheCatchAllOfItsMessageKind() {
        WechatRouter router = new WechatRouter(wxMpService, List.of(textHandler, new TipOffKeyword()), List.of());
        try {
            assertThat(contentOf(router.route(text("举报")))).isEqualTo("tip-off flow");
            assertThat(contentOf(router.route(text("什么是非法集资"))))
                    .isEqualTo(questions.reply("oRouterTest", "什么是非法集资"));
        } finally {
            router.destroy();
        }
    }

    @Test
    void wxJavasOwnDuplicateCheckIsOff() {
        WechatRouter router = new WechatRouter(wxMpService, List.of(new TipOffKeyword()), List.of());
        try {
            WxMpXmlMessage message = text("举报");
            assertThat(router.route(message)).isNotNull();
            assertThat(router.route(message)).isNotNull();
        } finally {
            router.destroy();
        }
    }

    /** The tip-off conversation's routes: a listener that notes activity times must not learn of these messages. */
    static class ConfidentialKeyword extends TipOffKeyword {
        @Override
        public boolean isConfidential() {
            return true;
        }
    }

    @Test
    void listenersDoNotSeeWhatAConfidentialRouteAnswers() {
        List<String> seen = new ArrayList<>();
        WechatRouter router = new WechatRouter(wxMpService, List.of(textHandler, new ConfidentialKeyword()),
                List.of(message -> seen.add(message.getContent())));
        try {
            assertThat(contentOf(router.route(text("举报")))).isEqualTo("tip-off flow");
            router.route(text("什么是非法集资"));
            assertThat(seen).containsExactly("什么是非法集资");
        } finally {
            router.destroy();
        }
    }

    @Test
    void listenersSeeEveryMessageBeforeItIsRoutedAndCannotBreakTheReply() {
        List<String> seen = new ArrayList<>();
        InboundListener recording = message -> seen.add(message.getContent());
        InboundListener failing = message -> {
            throw new IllegalStateException("listener down");
        };
        WechatRouter router = new WechatRouter(wxMpService, List.of(new TipOffKeyword()), List.of(failing, recording));
        try {
            assertThat(contentOf(router.route(text("举报")))).isEqualTo("tip-off flow");
            assertThat(router.route(text("别的话"))).isNull();
            assertThat(seen).containsExactly("举报", "别的话");
        } finally {
            router.destroy();
        }
    }

    private static WxMpXmlMessage text(String content) {
        return WxMpXmlMessage.fromXml(InboundMessages.text("oRouterTest", content, 4242L));
    }

    private static String contentOf(WxMpXmlOutMessage reply) {
        return WechatClient.fields(reply.toXml()).get("Content");
    }
}
