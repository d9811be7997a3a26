package cn.fangfei.campaign.sending;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.stereotype.Component;

import cn.fangfei.wechat.SharedTokenWxMpService;
import io.micrometer.core.instrument.MeterRegistry;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.bean.WxMpMassPreviewMessage;
import me.chanjar.weixin.mp.bean.WxMpMassTagMessage;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.result.WxMpMassSendResult;
import me.chanjar.weixin.mp.bean.tag.WxUserTag;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;

/**
 * The WeChat calls of campaigns, each turned into a {@link WechatOutcome}. They go through a WxJava
 * service of their own that shares the app's account and access token (in Redis) but has WxJava's
 * built-in retry of -1 switched off, so that the sender's backoff is the only retry policy and a
 * retry is always a decision the sender logged.
 */
@Component
public class CampaignWechat {
    private final WxMpService api;
    private final MeterRegistry meters;

    public CampaignWechat(WxMpService shared, MeterRegistry meters) {
        WxMpServiceImpl own = new SharedTokenWxMpService();
        own.setWxMpConfigStorage(shared.getWxMpConfigStorage());
        own.setMaxRetryTimes(0);
        this.api = own;
        this.meters = meters;
    }

    /**
     * WeChat sends a template message with the same client_msg_id to the same openid only once within
     * 10 minutes, so a retry after an unanswered call cannot deliver twice.
     */
    public WechatOutcome template(String openid, String templateId, String url, Map<String, String> data, String clientMsgId) {
        WxMpTemplateMessage message = WxMpTemplateMessage.builder().toUser(openid).templateId(templateId).url(url).build();
        message.setClientMsgId(clientMsgId);
        data.forEach((name, value) -> message.addData(new WxMpTemplateData(name, value)));
        return call("template", () -> WechatOutcome.sent(api.getTemplateMsgService().sendTemplateMsg(message)));
    }

    /** No idempotency key exists for customer-service messages: an unanswered call stays uncertain. */
    WechatOutcome customerService(String openid, String text) {
        return call("customer-service", () -> {
            api.getKefuService().sendKefuMessage(WxMpKefuMessage.TEXT().toUser(openid).content(text).build());
            return WechatOutcome.sent(null);
        });
    }

    /** WeChat refuses a second mass send with the same clientmsgid (45065), so a retry is never a second send. */
    WechatOutcome massToTag(long tagId, String text, String clientMsgId) {
        WxMpMassTagMessage message = new WxMpMassTagMessage();
        message.setTagId(tagId);
        message.setMsgType(WxConsts.MassMsgType.TEXT);
        message.setContent(text);
        message.setClientMsgId(clientMsgId);
        return call("mass", () -> {
            WxMpMassSendResult result = api.getMassMessageService().massGroupMessageSend(message);
            return WechatOutcome.sent(result.getMsgId());
        });
    }

    /** The preview API: the text as residents would see it, to one openid only. */
    public WechatOutcome preview(String openid, String text) {
        WxMpMassPreviewMessage message = new WxMpMassPreviewMessage();
        message.setToWxUserOpenid(openid);
        message.setMsgType(WxConsts.MassMsgType.TEXT);
        message.setContent(text);
        return call("preview", () -> {
            api.getMassMessageService().massMessagePreview(message);
            return WechatOutcome.sent(null);
        });
    }

    List<WxUserTag> userTags() throws WxErrorException {
        return api.getUserTagService().tagGet();
    }

    long createUserTag(String name) throws WxErrorException {
        return api.getUserTagService().tagCreate(name).getId();
    }

    WechatOutcome tagUsers(long tagId, List<String> openids) {
        return call("tag", () -> {
            api.getUserTagService().batchTagging(tagId, openids.toArray(String[]::new));
            return WechatOutcome.sent(null);
        });
    }

    WechatOutcome untagUsers(long tagId, List<String> openids) {
        return call("untag", () -> {
            api.getUserTagService().batchUntagging(tagId, openids.toArray(String[]::new));
            return WechatOutcome.sent(null);
        });
    }

    /** A stable idempotency key of at most 32 characters (WeChat allows 64) for a send and one part of it. */
    static String clientMsgId(String sendId, String part) {
        return "ff" + DigestUtils.sha256Hex(sendId + "|" + part).substring(0, 30);
    }

    private interface Call {
        WechatOutcome run() throws WxErrorException;
    }

    /** Runs one call and counts it by kind and outcome (Prometheus: fangfei_campaign_wechat_calls_total). */
    private WechatOutcome call(String kind, Call call) {
        WechatOutcome outcome = classified(call);
        meters.counter("fangfei.campaign.wechat.calls", "call", kind,
                "outcome", outcome.kind().name().toLowerCase(Locale.ROOT)).increment();
        return outcome;
    }

    private static WechatOutcome classified(Call call) {
        try {
            return call.run();
        } catch (WxErrorException e) {
            return WechatErrors.classify(e);
        } catch (WxRuntimeException e) {
            return WechatErrors.classify(e);
        } catch (RuntimeException e) {
            // WxJava could not read an answer it got (say, no msgid): the message may well have gone out.
            return new WechatOutcome(WechatOutcome.Kind.UNCERTAIN, WechatErrors.NO_ANSWER, "微信的答复无法识别");
        }
    }
}
