package cn.fangfei.tip.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import cn.fangfei.tip.TipAppTest;

/** With the proxy on loopback trusted (FANGFEI_TRUSTED_PROXIES), the client address it forwards is the one limited. */
@TestPropertySource(properties = "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1")
class TrustedProxyForwardedForTest extends TipAppTest {
    @Test
    void eachForwardedClientHasItsOwnReceiptGuessLimit() throws Exception {
        ForwardedAddresses proxy = new ForwardedAddresses(baseUrl());
        for (int i = 1; i <= 5; i++) {
            assertThat(proxy.wrongReceipt("198.51.100.1")).isEqualTo(200);
        }
        assertThat(proxy.wrongReceipt("198.51.100.1")).isEqualTo(429);
        assertThat(proxy.wrongReceipt("198.51.100.2")).as("another client behind the proxy").isEqualTo(200);
    }

    @Test
    void eachForwardedClientHasItsOwnLoginLimit() throws Exception {
        ForwardedAddresses proxy = new ForwardedAddresses(baseUrl());
        for (int i = 1; i <= 3; i++) {
            assertThat(proxy.wrongLogin("reviewer8", "198.51.100.1")).endsWith("/login?error=bad");
        }
        assertThat(proxy.wrongLogin("reviewer8", "198.51.100.1")).contains("/login?error=locked");
        assertThat(proxy.wrongLogin("reviewer8", "198.51.100.2")).as("another client behind the proxy")
                .endsWith("/login?error=bad");
    }
}
