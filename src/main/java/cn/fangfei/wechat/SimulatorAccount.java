package cn.fangfei.simulator;

import cn.fangfei.wechat.WechatAccount;
import cn.fangfei.wechat.WechatProperties;

/**
 * Whether the app runs without a real WeChat account, and the stand-in account it then signs with, so
 * that the full message path (signatures, AES, de-duplication) can be tried on a laptop.
 */
public final class SimulatorMode {
    /** Fixed rather than random so that a page left open keeps working across restarts. */
    public static final WechatAccount ACCOUNT = new WechatAccount(
            "wxfangfeisimulator", "fangfei-simulator-secret", "fangfei-simulator",
            "FangfeiSimulatorEncodingAesKeyForLocalTestA");

    /** The account's original id (gh_...), which WeChat puts in ToUserName. */
    public static final String ORIGINAL_ID = "gh_fangfeisimulator";

    private SimulatorMode() {
    }

    public static boolean isOn(SimulatorProperties simulator, WechatProperties wechat) {
        return isOn(simulator.enabled(), wechat.hasCredentials());
    }

    static boolean isOn(String enabled, boolean hasCredentials) {
        return switch (enabled) {
            case "true" -> true;
            case "false" -> false;
            default -> !hasCredentials;
        };
    }
}
