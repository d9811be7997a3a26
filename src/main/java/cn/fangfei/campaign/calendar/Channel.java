package cn.fangfei.campaign.calendar;

import java.util.Locale;
import java.util.Optional;

/** How a reminder reaches residents. */
public enum Channel {
    /** 群发 to a WeChat user tag: one API call, WeChat delivers it. Counts against the mass quota. */
    MASS("mass", "群发"),
    /** 模板消息 to each subscriber (service accounts only). */
    TEMPLATE("template", "模板消息"),
    /** 客服消息 to each subscriber who wrote to the account in the last 48 hours. */
    CUSTOMER_SERVICE("customer-service", "客服消息");

    private final String id;
    private final String label;

    Channel(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name in campaigns.yml and the API. */
    public String id() {
        return id;
    }

    /** The name office staff read. */
    public String label() {
        return label;
    }

    /** From campaigns.yml, where editors may write either the id or the Chinese name. */
    public static Optional<Channel> parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (Channel channel : values()) {
            if (channel.id.equals(wanted) || channel.label.equals(wanted)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
