package cn.fangfei.wechat;

/**
 * Which route takes a WeChat message, top to bottom: the first slot whose route matches answers. Each
 * {@link WechatRoute} names its slot, so the order lives here and nowhere else.
 */
public enum RoutingTable {
    // A conversation the resident is in the middle of goes on, whatever the words (订阅提醒 included).
    TIP_CONVERSATION,
    INTEREST_TAG_PICK,

    // Commands, typed, spoken or clicked.
    TIP_COMMAND,
    SUBSCRIBE,
    UNSUBSCRIBE,
    PREVIEW_BINDING,
    // The description asked for by the 项目风险自测 button: a one-shot question, so a command still wins.
    RISK_DESCRIPTION,

    // Other menu clicks and the follow and unfollow events.
    MENU_CLICK,
    FOLLOW,
    UNFOLLOW,

    // What no feature claimed: questions for the FAQ, and a polite word on what cannot be read.
    FAQ_TEXT,
    FAQ_VOICE,
    UNSUPPORTED_MEDIA
}
