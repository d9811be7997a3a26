package cn.fangfei.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cn.fangfei.wechat.WechatProperties;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

class SimulatorModeTest {
    private static final WechatProperties NO_ACCOUNT = new WechatProperties("", "", "", "", "");
    private static final WechatProperties ACCOUNT = new WechatProperties("wx1", "secret", "token", "", "");

    @Test
    void autoIsOnExactlyWhenTheAccountIsIncomplete() {
        assertThat(SimulatorMode.isOn(new SimulatorProperties("auto"), NO_ACCOUNT)).isTrue();
        assertThat(SimulatorMode.isOn(new SimulatorProperties("auto"), ACCOUNT)).isFalse();
        assertThat(SimulatorMode.isOn(new SimulatorProperties(null),
                new WechatProperties("wx1", "secret", " ", null, null))).isTrue();
    }

    @Test
    void trueAndFalseForceIt() {
        assertThat(SimulatorMode.isOn(new SimulatorProperties("true"), ACCOUNT)).isTrue();
        assertThat(SimulatorMode.isOn(new SimulatorProperties("FALSE"), NO_ACCOUNT)).isFalse();
        assertThatThrownBy(() -> new SimulatorProperties("maybe")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStandInAccountCanEncryptAndDecrypt() {
        var account = SimulatorMode.ACCOUNT;
        WxCryptUtil crypt = new WxCryptUtil(account.token(), account.aesKey(), account.appId());

        assertThat(crypt.decrypt(crypt.encrypt("0123456789abcdef", "<xml>你好</xml>"))).isEqualTo("<xml>你好</xml>");
    }
}
