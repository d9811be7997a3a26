package cn.fangfei.tip;

/** How a tip came in; counted in the ledger, never linked to who sent it. */
public enum Channel {
    WECHAT("微信"),
    WEB("网页");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
