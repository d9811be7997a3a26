package cn.fangfei.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cn.fangfei.wechat.WechatProperties;

class RunModeTest {
    private static final WechatProperties NO_ACCOUNT = new WechatProperties("", "", "", "", "", null, null);
    private static final WechatProperties ACCOUNT = new WechatProperties("wx1", "secret", "token", "", "", null, null);

    @Test
    void autoIsOnExactlyWhenTheAccountIsIncomplete() {
        assertThat(RunMode.of(new SimulatorProperties("auto"), NO_ACCOUNT.hasCredentials()).simulator()).isTrue();
        assertThat(RunMode.of(new SimulatorProperties("auto"), ACCOUNT.hasCredentials()).simulator()).isFalse();
        assertThat(RunMode.of(new SimulatorProperties(null),
                new WechatProperties("wx1", "secret", " ", null, null, null, null).hasCredentials()).simulator()).isTrue();
    }

    @Test
    void trueAndFalseForceIt() {
        assertThat(RunMode.of(new SimulatorProperties("true"), ACCOUNT.hasCredentials()).simulator()).isTrue();
        assertThat(RunMode.of(new SimulatorProperties("FALSE"), NO_ACCOUNT.hasCredentials()).simulator()).isFalse();
        assertThatThrownBy(() -> new SimulatorProperties("maybe")).isInstanceOf(IllegalArgumentException.class);
    }
}
