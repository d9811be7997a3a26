package cn.fangfei.campaign;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.fangfei.campaign.calendar.CampaignCalendar;
import cn.fangfei.campaign.calendar.Channel;
import cn.fangfei.campaign.calendar.PlannedSend;
import cn.fangfei.campaign.sending.CampaignProperties;
import cn.fangfei.campaign.sending.CampaignWechat;
import cn.fangfei.campaign.sending.ReminderMessages;
import cn.fangfei.campaign.sending.RenderedMessage;
import cn.fangfei.campaign.sending.SendLog;
import cn.fangfei.campaign.sending.SendRecord;
import cn.fangfei.campaign.sending.SendStatus;
import cn.fangfei.campaign.sending.WechatOutcome;
import cn.fangfei.campaign.subscription.AudienceScan;
import cn.fangfei.campaign.subscription.PreviewTargets;
import cn.fangfei.campaign.subscription.Subscribers;

/**
 * What an editor does to a planned send before (or instead of) it going out: count who would get it,
 * preview it on their own WeChat, approve exactly that message, cancel it, or resume it after a stop.
 * Each answer is either the result or a problem in Chinese for the office.
 */
@Service
public class EditorActions {
    /** The outcome of an action: a body for the API, or a problem with the HTTP status that fits it. */
    public record Result(int status, Map<String, Object> body) {
        static Result ok(Map<String, Object> body) {
            return new Result(200, body);
        }

        static Result problem(int status, String problem) {
            return new Result(status, Map.of("problem", problem));
        }
    }

    private final CampaignCalendar calendar;
    private final ReminderMessages messages;
    private final Subscribers subscribers;
    private final SendLog sendLog;
    private final PreviewTargets previews;
    private final CampaignWechat wechat;
    private final CampaignProperties properties;
    private final Clock clock;

    public EditorActions(CampaignCalendar calendar, ReminderMessages messages, Subscribers subscribers, SendLog sendLog,
            PreviewTargets previews, CampaignWechat wechat, CampaignProperties properties, Clock clock) {
        this.calendar = calendar;
        this.messages = messages;
        this.subscribers = subscribers;
        this.sendLog = sendLog;
        this.previews = previews;
        this.wechat = wechat;
        this.properties = properties;
        this.clock = clock;
    }

    public Optional<PlannedSend> find(String sendId) {
        return calendar.find(sendId, clock.getZone());
    }

    /** How many residents each channel would reach now, and which channel the send will use. */
    public Result dryRun(PlannedSend send) {
        Optional<RenderedMessage> message = messages.render(send);
        List<String> audience = send.campaign().audience();
        long everyone = subscribers.count(audience);
        long active = 0;
        AudienceScan scan = subscribers.scan(audience, 1000);
        for (List<String> page = scan.next(); page != null; page = scan.next()) {
            active += subscribers.activeAmong(page).size();
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put(Channel.MASS.id(), audience.size() > 1 ? null : everyone);
        counts.put(Channel.TEMPLATE.id(), everyone);
        counts.put(Channel.CUSTOMER_SERVICE.id(), active);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("send", send.id());
        body.put("channel", message.map(m -> m.channel().id()).orElse(null));
        body.put("approvalRequired", message.map(m -> properties.needsApproval(m.channel())).orElse(false));
        body.put("recipients", counts);
        body.put("text", message.map(RenderedMessage::text).orElse(null));
        body.put("problem", message.isPresent() ? null : messages.noChannelReason(send));
        return Result.ok(body);
    }

    /** Sends the message, as residents would get it, to the editor's own bound WeChat only. */
    public Result preview(PlannedSend send, String username) {
        Optional<String> openid = previews.openidOf(username);
        if (openid.isEmpty()) {
            return Result.problem(409, "还没有绑定预览用的微信:请先获取绑定码,再用自己的微信给公众号发送“预览绑定 绑定码”");
        }
        Optional<RenderedMessage> message = messages.render(send);
        if (message.isEmpty()) {
            return Result.problem(409, messages.noChannelReason(send));
        }
        RenderedMessage m = message.get();
        WechatOutcome outcome = m.channel() == Channel.TEMPLATE
                ? wechat.template(openid.get(), m.templateId(), m.url(), m.templateData(), null)
                : wechat.preview(openid.get(), m.text());
        if (!outcome.delivered()) {
            return Result.problem(502, "预览没有发出:" + outcome.describe());
        }
        sendLog.note(send, "预览已发给 " + username + " 的微信(" + m.channel().label() + ")");
        return Result.ok(Map.of("send", send.id(), "channel", m.channel().id(), "previewedTo", username));
    }

    /** Approves exactly the message the send would go out with now; a later change of it needs a new approval. */
    public Result approve(PlannedSend send, String username) {
        Optional<RenderedMessage> message = messages.render(send);
        if (message.isEmpty()) {
            return Result.problem(409, messages.noChannelReason(send));
        }
        if (!sendLog.approve(send, message.get(), username)) {
            return Result.problem(409, "这条提醒已经开始发送或已结束,不能再审批");
        }
        SendRecord record = sendLog.read(send.id());
        return Result.ok(Map.of("send", send.id(), "approvedBy", record.approvedBy(),
                "approvedAt", record.approvedAt().toString(), "channel", message.get().channel().id()));
    }

    public Result cancel(PlannedSend send, String username) {
        if (!sendLog.cancel(send, username)) {
            return Result.problem(409, "这条提醒已经结束,不能取消");
        }
        return Result.ok(Map.of("send", send.id(), "status", SendStatus.CANCELLED.id()));
    }

    public Result resume(PlannedSend send, String username) {
        if (!sendLog.resumeStopped(send, username)) {
            return Result.problem(409, "只有已停止的提醒才能恢复发送");
        }
        return Result.ok(Map.of("send", send.id(), "status", SendStatus.PAUSED.id()));
    }
}
