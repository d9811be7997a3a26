package cn.fangfei.tip.chat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import cn.fangfei.content.Replies;
import cn.fangfei.redis.RedisScript;
import cn.fangfei.tip.Attachment;
import cn.fangfei.tip.AttachmentCleaner;
import cn.fangfei.tip.TipConflictException;
import cn.fangfei.tip.TipFollowUp;
import cn.fangfei.tip.TipKeys;
import cn.fangfei.tip.TipProperties;
import cn.fangfei.tip.TipTexts;
import cn.fangfei.wechat.AsyncReplies;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * Evidence images sent in the chat: downloaded from WeChat's media API in the background (a download
 * can take longer than WeChat's 5 s reply window), cleaned like web uploads, sealed and stored with
 * the draft, or with the tip if it was submitted meanwhile. A failure is told to the resident by a
 * customer-service message; the openid lives only in the task, never in Redis or the log.
 */
@Component
class ChatImages implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ChatImages.class);
    private static final int THREADS = 2;
    private static final int QUEUE = 200;

    /**
     * KEYS tip, conversation, files; ARGV ttl, sealed image, draft id. With the tip once it exists,
     * else with its draft while that conversation still holds it; else (cancelled) dropped.
     */
    private static final RedisScript STORE = new RedisScript("""
            if redis.call('exists', KEYS[1]) == 1 then
              redis.call('rpush', KEYS[3], ARGV[2])
              redis.call('hset', KEYS[1], 'files', redis.call('llen', KEYS[3]))
              return 2
            end
            if redis.call('hget', KEYS[2], 'id') == ARGV[3] then
              redis.call('rpush', KEYS[3], ARGV[2])
              redis.call('pexpire', KEYS[3], ARGV[1])
              return 1
            end
            return 0
            """);

    private final WxMpService wxMpService;
    private final AttachmentCleaner cleaner;
    private final TipTexts texts;
    private final TipFollowUp followUp;
    private final ChatStates states;
    private final AsyncReplies asyncReplies;
    private final Replies replies;
    private final Pool<Jedis> redis;
    private final TipProperties properties;
    private final ThreadPoolExecutor executor;

    ChatImages(WxMpService wxMpService, AttachmentCleaner cleaner, TipTexts texts, TipFollowUp followUp,
            ChatStates states, AsyncReplies asyncReplies, Replies replies, Pool<Jedis> redis,
            TipProperties properties) {
        this.wxMpService = wxMpService;
        this.cleaner = cleaner;
        this.texts = texts;
        this.followUp = followUp;
        this.states = states;
        this.asyncReplies = asyncReplies;
        this.replies = replies;
        this.redis = redis;
        this.properties = properties;
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                task -> {
                    Thread thread = new Thread(task, "tip-image-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Counts an image against the limit of files a tip may have and, within it, keeps the conversation
     * alive and fetches the image for the draft being written or the submitted tip followed up; the new
     * count, or 0 when the limit was reached and the image is refused.
     */
    long take(String openid, ChatState state, String mediaId) {
        long count = states.countImage(openid, properties.maxFiles());
        if (count == 0) {
            return 0;
        }
        states.save(openid, state);
        if (state.mode() == ChatState.Mode.FOLLOW_UP) {
            forFollowUp(openid, state.tipId(), mediaId);
        } else {
            forDraft(openid, state.tipId(), mediaId);
        }
        return count;
    }

    /** The answer to an image over the limit. */
    String limitReached() {
        return replies.text("tip-image-limit", Map.of("max", Integer.toString(properties.maxFiles())));
    }

    private void forDraft(String openid, String tipId, String mediaId) {
        submit(openid, () -> {
            byte[] sealed = texts.sealFile(tipId, cleaner.clean(download(mediaId)));
            try (Jedis jedis = redis.getResource()) {
                Object stored = STORE.runBinary(jedis, List.of(bytes(TipKeys.tip(tipId)), bytes(states.key(openid)),
                        bytes(TipKeys.files(tipId))), List.of(bytes(Long.toString(TipKeys.CHAT_TTL.toMillis())), sealed,
                        bytes(tipId)));
                if (Long.valueOf(0).equals(stored)) {
                    log.info("an image arrived after its draft was cancelled or expired and was dropped");
                }
            }
        });
    }

    private void forFollowUp(String openid, String tipId, String mediaId) {
        submit(openid, () -> {
            Attachment image = cleaner.clean(download(mediaId));
            try {
                followUp.addInfo(tipId, "", List.of(image));
            } catch (TipConflictException closed) {
                log.info("an image arrived for a tip closed meanwhile and was dropped");
            }
        });
    }

    private void submit(String openid, Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("a tip-off image could not be stored ({})", e.getClass().getSimpleName());
                    asyncReplies.sendText(openid, () -> replies.text("tip-image-failed"));
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("too many tip-off images waiting, one was refused");
            asyncReplies.sendText(openid, () -> replies.text("tip-image-failed"));
        }
    }

    /** WxJava writes the download to a temporary file; it is read and deleted at once. */
    private byte[] download(String mediaId) {
        File file = null;
        try {
            file = wxMpService.getMaterialService().mediaDownload(mediaId);
            return Files.readAllBytes(file.toPath());
        } catch (WxErrorException e) {
            throw new IllegalStateException("WeChat error " + e.getError().getErrorCode());
        } catch (IOException e) {
            throw new IllegalStateException("reading the downloaded image failed");
        } finally {
            if (file != null && !file.delete()) {
                file.deleteOnExit();
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
