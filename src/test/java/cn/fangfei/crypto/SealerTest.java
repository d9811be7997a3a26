package cn.fangfei.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class SealerTest {
    static final String KEY_1 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    static final String KEY_2 = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));

    private final Sealer sealer = new Sealer(KeyRing.of(KEY_1, "k1", ""));

    @Test
    void sealedTextOpensOnlyInItsContextAndNamesItsKey() {
        String sealed = sealer.seal("镇东头的养老公寓说年化8%", "tip-1|what");

        assertThat(sealed).startsWith("k1.").doesNotContain("养老");
        assertThat(sealer.open(sealed, "tip-1|what")).isEqualTo("镇东头的养老公寓说年化8%");
        assertThatThrownBy(() -> sealer.open(sealed, "tip-2|what")).isInstanceOf(SealedValueException.class);
        assertThatThrownBy(() -> sealer.open(sealed, "tip-1|where")).isInstanceOf(SealedValueException.class);
    }

    @Test
    void everySealUsesAFreshIv() {
        assertThat(sealer.seal("同一句话", "c")).isNotEqualTo(sealer.seal("同一句话", "c"));
    }

    @Test
    void aTamperedValueDoesNotOpen() {
        String sealed = sealer.seal("text", "c");
        // A middle character: the last one of unpadded base64 may carry only unused bits, so changing it
        // could leave the bytes as they were.
        int middle = sealed.length() / 2;
        char original = sealed.charAt(middle);
        String tampered = sealed.substring(0, middle) + (original == 'A' ? 'B' : 'A') + sealed.substring(middle + 1);

        assertThatThrownBy(() -> sealer.open(tampered, "c")).isInstanceOf(SealedValueException.class);
        assertThatThrownBy(() -> sealer.open("no-dot-here", "c")).isInstanceOf(SealedValueException.class);
    }

    @Test
    void afterARotationOldValuesOpenWithTheRetiredKeyAndNewOnesUseTheNewKey() {
        String before = sealer.seal("旧线索", "c");
        byte[] beforeFile = sealer.seal(new byte[] {1, 2, 3}, "f");
        Sealer rotated = new Sealer(KeyRing.of(KEY_2, "k2", "k1:" + KEY_1));

        assertThat(rotated.open(before, "c")).isEqualTo("旧线索");
        assertThat(rotated.open(beforeFile, "f")).containsExactly(1, 2, 3);
        assertThat(rotated.seal("新线索", "c")).startsWith("k2.");
        assertThatThrownBy(() -> sealer.open(rotated.seal("新线索", "c"), "c"))
                .isInstanceOf(SealedValueException.class).hasMessageContaining("unknown key k2");
    }

    @Test
    void binaryValuesRoundTrip() {
        byte[] data = new byte[100_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        byte[] sealed = sealer.seal(data, "tip-1|file");

        assertThat(sealer.open(sealed, "tip-1|file")).isEqualTo(data);
        assertThatThrownBy(() -> sealer.open(sealed, "tip-2|file")).isInstanceOf(SealedValueException.class);
    }
}
