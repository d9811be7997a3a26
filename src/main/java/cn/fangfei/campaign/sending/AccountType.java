package cn.fangfei.campaign.sending;

import cn.fangfei.campaign.calendar.Channel;

/**
 * The kind of official account, which decides what WeChat lets it send (FANGFEI_WECHAT_ACCOUNT_TYPE).
 * WeChat's published limits: a verified subscription account may mass-send once a day; on a service
 * account each resident receives at most four mass messages a calendar month, and only service
 * accounts may send template messages.
 */
public enum AccountType {
    SUBSCRIPTION,
    SERVICE;

    public boolean allows(Channel channel) {
        return channel != Channel.TEMPLATE || this == SERVICE;
    }
}
