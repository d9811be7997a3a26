package cn.fangfei.tip.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.fangfei.config.SiteProperties;
import cn.fangfei.content.OfficeContacts;
import cn.fangfei.tip.TipLists;
import cn.fangfei.tip.TipProperties;
import cn.fangfei.tip.TipRecord;
import cn.fangfei.tip.TipStore;
import cn.fangfei.tip.TipTexts;

/**
 * The wording of each mail, written when it is sent. Mails carry a tip's number, category and state;
 * its text only with fangfei.tip.mail.include-text (mail leaves the office's systems in the clear).
 */
@Component
class MailTexts {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final String PREFIX = "【防非助手】";

    record Text(String subject, String body) {
    }

    private final TipStore store;
    private final TipTexts texts;
    private final TipLists lists;
    private final OfficeContacts office;
    private final SiteProperties site;
    private final boolean includeText;
    private final Clock clock;

    MailTexts(TipStore store, TipTexts texts, TipLists lists, OfficeContacts office, SiteProperties site,
            TipProperties properties, Clock clock) {
        this.store = store;
        this.texts = texts;
        this.lists = lists;
        this.office = office;
        this.site = site;
        this.includeText = properties.mail().includeText();
        this.clock = clock;
    }

    /** Empty when the tip is gone (purged before the mail went out). */
    Optional<Text> newTip(String id) {
        return store.find(id).map(tip -> new Text(
                PREFIX + "新举报线索 " + id + "(" + tip.category() + ")",
                "收到一条新的举报线索,请及时认领核查。\n\n"
                        + facts(tip)
                        + tipText(tip)
                        + "\n请登录防非助手后台处理:" + site.url("/console") + "\n"
                        + (includeText ? "" : "(按保密要求,邮件中不含举报内容,请在后台查看。)\n")));
    }

    Optional<Text> escalation(String id, String by, String sealedNote) {
        return store.find(id).map(tip -> new Text(
                PREFIX + "高风险涉非线索上报 " + id + "(" + tip.category() + ")",
                "市处非办:\n\n"
                        + office.name() + "收到一条高风险涉非线索,按工作方案第一时间上报,请共同研判风险等级、联合查处。\n\n"
                        + facts(tip)
                        + "经办人:" + (by.isEmpty() ? "(未填)" : by) + "\n"
                        + (sealedNote.isEmpty() ? "" : "经办人意见:" + texts.open(id, TipTexts.MESSAGE, sealedNote) + "\n")
                        + tipText(tip)
                        + "\n联系:" + office.name() + ",电话 " + office.phone() + "\n"));
    }

    Optional<Text> deadLetter(String id, long deliveries) {
        return store.find(id).map(tip -> new Text(
                PREFIX + "线索 " + id + " 多次认领未办结,已移入死信队列",
                "这条线索已被认领" + deliveries + "次,每次都在规定时间内没有进展,系统已把它移出待办队列,请负责人尽快查看。\n\n"
                        + facts(tip)
                        + "\n处理后可在后台把它重新排队(POST /api/tips/" + id + "/requeue),或直接办结。\n"));
    }

    /** Empty when nothing is pending or overdue: no mail on quiet days. */
    Optional<Text> digest(LocalDate day, Instant now) {
        List<TipRecord> pending = lists.pending();
        List<TipRecord> overdue = lists.overdue(now);
        if (pending.isEmpty() && overdue.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder body = new StringBuilder();
        body.append(day).append(" 举报线索汇总\n\n");
        body.append("待认领 ").append(pending.size()).append(" 条:\n");
        pending.forEach(tip -> body.append(line(tip, now)));
        body.append("\n超过办理时限(").append(lists.slaDescription()).append(")仍未办结 ").append(overdue.size()).append(" 条:\n");
        overdue.forEach(tip -> body.append(line(tip, now)));
        body.append("\n线索件件有落实。请登录后台处理:").append(site.url("/console")).append('\n');
        return Optional.of(new Text(PREFIX + "每日线索汇总 " + day + ":待认领" + pending.size() + "条,超期" + overdue.size() + "条",
                body.toString()));
    }

    private String line(TipRecord tip, Instant now) {
        long days = Duration.between(tip.created(), now).toDays();
        return "  " + tip.id() + "  " + tip.category() + "  " + tip.status().label()
                + "  " + tip.assignee().map(a -> "经办人 " + a).orElse("无人认领")
                + "  已" + days + "天" + (tip.dead() ? "  (死信队列)" : "") + "\n";
    }

    private String facts(TipRecord tip) {
        return "编号:" + tip.id() + "\n"
                + "类别:" + tip.category() + "\n"
                + "来源:" + tip.channel().label() + "\n"
                + "受理日期:" + DAY.format(tip.created().atZone(clock.getZone())) + "\n"
                + "当前状态:" + tip.status().label() + "\n"
                + "风险等级:" + tip.riskLabel() + "\n"
                + "附件:" + tip.files() + "个\n";
    }

    private String tipText(TipRecord tip) {
        if (!includeText) {
            return "";
        }
        return "\n情况描述:\n" + texts.open(tip.id(), TipTexts.WHAT, tip.sealedWhat()) + "\n"
                + "地点:" + texts.open(tip.id(), TipTexts.WHERE, tip.sealedWhere()) + "\n";
    }
}
