package cn.fangfei.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import cn.fangfei.support.MockMvcApp;

/** Through the app's real logging set-up: a line with personal numbers leaves the process masked. */
@MockMvcApp
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingTest {
    @Test
    void everyLogLineIsMasked(CapturedOutput output) {
        LoggerFactory.getLogger("fangfei.test").warn("caller left 13812345678 and card {}", "6222021234567890128");
        assertThat(output.getOut()).contains("*******5678").contains("***************0128")
                .doesNotContain("13812345678").doesNotContain("6222021234567890128");
    }
}
