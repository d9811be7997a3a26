package cn.fangfei.wechat;

/**
 * The stand-in account the app signs with in simulator mode, so that the full message path (signatures, AES,
 * de-duplication) can be tried on a laptop.
 */
public final class SimulatorAccount {
    /** Fixed rather than random so that a page left open keeps working across restarts. */
    public static final WechatAccount ACCOUNT = new WechatAccount(
            "wxfangfeisimulator", "fangfei-simulator-secret", "fangfei-simulator",
            "FangfeiSimulatorEncodingAesKeyForLocalTestA");

    /** The account's original id (gh_...), which WeChat puts in ToUserName. */
    public static final String ORIGINAL_ID = "gh_fangfeisimulator";

    private SimulatorAccount() {
    }
}
