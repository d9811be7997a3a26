package cn.fangfei.campaign.sending;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;

import org.apache.http.conn.ConnectTimeoutException;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;

/**
 * Sorts WeChat's answers into what the sender does next. Codes are from WeChat's global return codes;
 * an unknown code counts against the one recipient (with a stop after many in a row, see the sender).
 */
final class WechatErrors {
    /** Worth another try after a pause. 45009 is a daily API limit, retried as the issue asks; a run that keeps hitting it pauses. */
    private static final Set<Integer> TRANSIENT = Set.of(-1, 45009, 45011, 45066);
    private static final Set<Integer> QUOTA = Set.of(45028);
    private static final Set<Integer> ACCOUNT = Set.of(40001, 40013, 40014, 40037, 40164, 41001, 42001, 45027,
            45067, 48001, 48004, 50001, 50002);
    private static final int NOT_FOLLOWING = 43004;
    private static final int ALREADY_SENT = 45065;

    /** An IOException wrapped by WxJava: it never answers with an errcode. */
    static final int NO_ANSWER = -99;

    private static final Map<Integer, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(-1, "微信系统繁忙"),
            Map.entry(NO_ANSWER, "没有收到微信的答复"),
            Map.entry(40001, "access_token 无效"),
            Map.entry(40003, "openid 无效"),
            Map.entry(40037, "模板 id 无效,请检查 FANGFEI_CAMPAIGN_TEMPLATE_ID"),
            Map.entry(40164, "服务器 IP 不在公众号的白名单里"),
            Map.entry(43004, "对方没有关注公众号"),
            Map.entry(43019, "对方已把公众号拉黑"),
            Map.entry(43101, "对方拒收此类消息"),
            Map.entry(45009, "接口调用次数已达今日上限"),
            Map.entry(45011, "接口调用太频繁"),
            Map.entry(45015, "对方超过48小时没有和公众号互动,不能发客服消息"),
            Map.entry(45028, "群发次数已用完"),
            Map.entry(45047, "客服消息条数已达上限"),
            Map.entry(45059, "对方的标签数已达上限"),
            Map.entry(45065, "相同的群发已经提交过"),
            Map.entry(45066, "群发重试太快"),
            Map.entry(45159, "微信用户标签不存在"),
            Map.entry(48001, "公众号没有这个接口的权限"),
            Map.entry(48004, "接口已被封禁"));

    private WechatErrors() {
    }

    static WechatOutcome classify(WxErrorException e) {
        int code = e.getError() == null ? NO_ANSWER : e.getError().getErrorCode();
        String message = describe(code);
        if (e.getCause() instanceof IOException io) {
            // The request either never left (safe to repeat) or left and no answer came (WeChat may have it).
            return neverSent(io) ? new WechatOutcome(WechatOutcome.Kind.TRANSIENT, NO_ANSWER, "连接微信失败")
                    : new WechatOutcome(WechatOutcome.Kind.UNCERTAIN, NO_ANSWER, message);
        }
        if (code == ALREADY_SENT) {
            return new WechatOutcome(WechatOutcome.Kind.ALREADY_SENT, code, message);
        }
        if (TRANSIENT.contains(code)) {
            return new WechatOutcome(WechatOutcome.Kind.TRANSIENT, code, message);
        }
        if (QUOTA.contains(code)) {
            return new WechatOutcome(WechatOutcome.Kind.QUOTA, code, message);
        }
        if (ACCOUNT.contains(code)) {
            return new WechatOutcome(WechatOutcome.Kind.ACCOUNT, code, message);
        }
        if (code == NOT_FOLLOWING) {
            return new WechatOutcome(WechatOutcome.Kind.NOT_FOLLOWING, code, message);
        }
        return new WechatOutcome(WechatOutcome.Kind.RECIPIENT, code, message);
    }

    /**
     * WxJava with retries off turns WeChat's -1 (system busy) into this; it also wraps a failed token
     * fetch. Neither sent the message.
     */
    static WechatOutcome classify(WxRuntimeException e) {
        return new WechatOutcome(WechatOutcome.Kind.TRANSIENT, -1, describe(-1));
    }

    static String describe(int code) {
        return DESCRIPTIONS.getOrDefault(code, "微信返回错误");
    }

    private static boolean neverSent(IOException e) {
        return e instanceof ConnectException || e instanceof ConnectTimeoutException
                || e instanceof UnknownHostException || e instanceof NoRouteToHostException;
    }
}
