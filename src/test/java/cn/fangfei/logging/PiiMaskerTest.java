package cn.fangfei.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiMaskerTest {
    @Test
    void masksMobileAndLandlineNumbers() {
        assertThat(PiiMasker.mask("请回电13812345678或+86 13912345678")).isEqualTo("请回电*******5678或***********5678");
        assertThat(PiiMasker.mask("座机 0898-12345678 找王")).isEqualTo("座机 *********5678 找王");
    }

    @Test
    void masksIdNumbersOnlyWhenTheCheckDigitIsRight() {
        // 11010519491231002X is the standard's example number; changing its check digit makes it an ordinary number.
        assertThat(PiiMasker.mask("身份证11010519491231002X")).isEqualTo("身份证**************002X");
        assertThat(PiiMasker.mask("单号110105194912310021")).isEqualTo("单号110105194912310021");
    }

    @Test
    void masksCardNumbersOnlyWhenTheLuhnCheckPasses() {
        assertThat(PiiMasker.mask("卡号 6222021234567890128")).isEqualTo("卡号 ***************0128");
        assertThat(PiiMasker.mask("流水 6222021234567890123")).isEqualTo("流水 6222021234567890123");
    }

    @Test
    void leavesTimestampsIdsAndShortNumbersAlone() {
        String line = "2026-11-28T21:22:18.247Z pid=1814 msgId=24681357911 took 12ms, 1732400000.123";
        assertThat(PiiMasker.mask(line)).isEqualTo(line);
    }
}
