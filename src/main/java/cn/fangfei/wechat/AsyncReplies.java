package cn.fangfei.wechat;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;

/**
 * Answers that cannot be ready within WeChat's 5 s passive-reply window: the handler replies at once
 * (or not at all), and the text is computed here and sent as a customer-service message, which WeChat
 * accepts for 48 hours after the resident last wrote.
 */
@Component
public class AsyncReplies implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(AsyncReplies.class);
    private static final int THREADS = 4;
    private static final int QUEUE = 500;

    private final WxMpService wxMpService;
    private final ThreadPoolExecutor executor;

    public AsyncReplies(WxMpService wxMpService) {
        this.wxMpService = wxMpService;
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), task -> {
                    Thread thread = new Thread(task, "wechat-async-reply-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Computes the text in the background and sends it to the resident; a blank text sends nothing.
     * The future completes when WeChat accepted the message, or exceptionally.
     */
    public CompletableFuture<Void> sendText(String openid, Supplier<String> text) {
        try {
            return CompletableFuture.runAsync(() -> send(openid, text.get()), executor)
                    .whenComplete((ok, failure) -> {
                        if (failure != null) {
                            log.warn("customer-service message not sent ({})", describe(failure));
                        }
                    });
        } catch (RejectedExecutionException e) {
            log.warn("customer-service queue full, message dropped");
            return CompletableFuture.failedFuture(e);
        }
    }

    private void send(String openid, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        try {
            wxMpService.getKefuService().sendKefuMessage(
                    WxMpKefuMessage.TEXT().toUser(openid).content(text).build());
        } catch (WxErrorException e) {
            throw new CompletionException(e);
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof WxErrorException wx) {
            return "WeChat error " + wx.getError().getErrorCode();
        }
        return cause.getClass().getSimpleName();
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
