package cn.fangfei.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

class SimulatorAccountTest {

    @Test
    void theStandInAccountCanEncryptAndDecrypt() {
        var account = SimulatorAccount.ACCOUNT;
        WxCryptUtil crypt = new WxCryptUtil(account.token(), account.aesKey(), account.appId());

        assertThat(crypt.decrypt(crypt.encrypt("0123456789abcdef", "<xml>你好</xml>"))).isEqualTo("<xml>你好</xml>");
    }
}
