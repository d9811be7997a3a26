package cn.fangfei.tip.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.fangfei.tip.TipAppTest;

/**
 * With the default settings no proxy is trusted: a client on loopback (or any private address) that
 * rotates X-Forwarded-For is still limited by its own address. The context allows 5 wrong receipts.
 */
class UntrustedForwardedForTest extends TipAppTest {
    @Test
    void rotatingTheHeaderDoesNotGetPastTheReceiptGuessLimit() throws Exception {
        ForwardedAddresses client = new ForwardedAddresses(baseUrl());
        for (int i = 1; i <= 5; i++) {
            assertThat(client.wrongReceipt("198.51.100." + i)).isEqualTo(200);
        }
        assertThat(client.wrongReceipt("198.51.100.6")).as("the sixth guess, from the same real address").isEqualTo(429);
    }

    @Test
    void rotatingTheHeaderDoesNotGetPastTheLoginLimit() throws Exception {
        ForwardedAddresses client = new ForwardedAddresses(baseUrl());
        for (int i = 1; i <= 3; i++) {
            assertThat(client.wrongLogin("reviewer9", "198.51.100." + i)).endsWith("/login?error=bad");
        }
        assertThat(client.wrongLogin("reviewer9", "198.51.100.4")).contains("/login?error=locked");
    }
}
