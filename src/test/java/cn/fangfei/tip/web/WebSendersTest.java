package cn.fangfei.tip.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import cn.fangfei.tip.TipProperties;

class WebSendersTest {
    @Test
    void aSenderIsTheClientAddressUnlessAProxyWithholdsIt() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/tip");
        request.setRemoteAddr("198.51.100.7");

        assertThat(new WebSenders(properties(TipProperties.WebSender.ADDRESS)).of(request)).contains("web:198.51.100.7");
        assertThat(new WebSenders(properties(TipProperties.WebSender.NONE)).of(request)).isEmpty();
    }

    private static TipProperties properties(TipProperties.WebSender mode) {
        return new TipProperties(null, 0, 0, null, null, null, null, null, null, null, new TipProperties.RateLimit(0, null, 0, null, mode), null, null);
    }
}
