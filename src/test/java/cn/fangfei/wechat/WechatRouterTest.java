package cn.fangfei.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.faq.ResidentQuestions;
import cn.fangfei.wechat.handler.FaqTextRoute;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

class WechatRouterTest extends WechatAppTest {
    @Autowired
    WxMpService wxMpService;

    @Autowired
    FaqTextRoute faqTextRoute;

    @Autowired
    ResidentQuestions questions;

    /** What a feature such as tip-offs will add: a keyword route, declared without touching the router. */
    static class TipOffKeyword implements WechatRoute {
        @Override
        public RoutingTable slot() {
            return RoutingTable.TIP_COMMAND;
        }

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

    @Autowired
    WechatRouter router;

    /** The routing table as it runs: an active conversation, then commands, then menu clicks, then the FAQ. */
    @Test
    void theRoutingTableReadsTopToBottom() {
        assertThat(router.table()).extracting(route -> route.getClass().getSimpleName()).containsExactly(
                "TipConversationRoute", "TagAnswerRoute",
                "TipCommandRoute", "SubscribeRoute", "UnsubscribeRoute", "PreviewBindingRoute",
                "RiskDescriptionRoute",
                "MenuClickRoute", "FollowRoute", "UnfollowRoute",
                "FaqTextRoute", "FaqVoiceRoute", "UnsupportedMediaRoute");
    }

    @Test
    void twoRoutesForOneSlotAreRefused() {
        assertThatThrownBy(() -> new WechatRouter(wxMpService, List.of(new TipOffKeyword(), new TipOffKeyword()), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TIP_COMMAND");
    }

    @Test
    void aFeatureRouteGoesBeforeTheCatchAllOfItsMessageKind() {
        WechatRouter router = new WechatRouter(wxMpService, List.of(faqTextRoute, new TipOffKeyword()), List.of());
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
        WechatRouter router = new WechatRouter(wxMpService, List.of(faqTextRoute, new ConfidentialKeyword()),
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
