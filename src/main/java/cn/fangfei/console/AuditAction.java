package cn.fangfei.console;

/** Everything the audit log records, with the words the administrator reads. */
public enum AuditAction {
    LOGIN("登录"),
    LOGIN_FAILED("登录失败"),
    LOGIN_LOCKED("登录被限制(失败次数过多)"),
    LOGOUT("退出登录"),
    ACCESS_DENIED("无权限的访问被拒绝"),
    USER_CREATED("新建用户"),
    USER_ROLES("修改角色"),
    USER_PASSWORD("重设密码"),
    USER_DISABLED("停用账号"),
    USER_ENABLED("启用账号"),
    USER_UNLOCKED("解除登录限制"),
    AUDIT_VIEWED("查看审计日志"),
    QUESTION_ADDED_TO_TOPIC("未答问题加入话题"),
    TOPIC_CREATED("新建话题"),
    QUESTION_DISMISSED("忽略未答问题"),
    PHRASING_REMOVED("撤销新增问法"),
    TOPIC_REMOVED("撤销新建话题"),
    ANSWERS_EXPORTED("导出到内容文件"),
    ANSWERS_DOWNLOADED("下载导出文件"),
    ANSWERS_PRUNED("清理已写入文件的新增"),
    QUESTION_TRIED("试问"),
    TIP_VIEWED("查看线索"),
    TIP_CLAIMED("认领线索"),
    TIP_RISK("设置风险等级"),
    TIP_STATUS("设置线索状态"),
    TIP_MESSAGED("给举报人留言"),
    TIP_ESCALATED("上报线索"),
    TIP_REQUEUED("死信线索重新排队"),
    TIP_ATTACHMENT_VIEWED("查看线索附件"),
    LEDGER_DOWNLOADED("下载台账"),
    CAMPAIGN_PREVIEWED("宣传预览发到自己微信"),
    CAMPAIGN_DRY_RUN("宣传试算发送人数"),
    CAMPAIGN_APPROVED("批准宣传"),
    CAMPAIGN_CANCELLED("取消宣传发送"),
    CAMPAIGN_RESUMED("恢复宣传发送"),
    CAMPAIGN_PREVIEW_BINDING("获取预览绑定码"),
    API_CALL("接口调用");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
