package cn.fangfei.campaign.sending;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import cn.fangfei.campaign.calendar.Channel;
import cn.fangfei.campaign.subscription.AudienceScan;
import cn.fangfei.campaign.subscription.Subscribers;

/**
 * Template or customer-service messages, one per resident: the audience is streamed from Redis a page
 * at a time into a small queue, and a few threads send at the configured rate. Each resident is claimed
 * (fenced) before the WeChat call and settled after it, so after a crash the next holder skips everyone
 * settled and knows exactly who was in flight.
 *
 * <p>Those in flight when a holder died are the one window no bookkeeping can close: the call may or
 * may not have reached WeChat. Template messages are sent again with the same client_msg_id, which
 * WeChat delivers only once per resident within 10 minutes; after that, and for customer-service
 * messages (which have no such key), they are recorded as unknown (未确认) and not sent again, so nobody
 * gets a reminder twice. At most send-threads residents can be in that window per crash.
 */
final class RecipientDelivery {
    private static final int PAGE = 500;
    static final Duration TEMPLATE_DEDUP_WINDOW = Duration.ofMinutes(10);

    private record Item(String openid, String staleClaim) {
    }

    private final Subscribers subscribers;
    private final CampaignWechat wechat;
    private final SendLog log;
    private final CampaignProperties properties;
    private final Retrier retrier;
    private final SendProbe probe;
    private final Clock clock;

    RecipientDelivery(Subscribers subscribers, CampaignWechat wechat, SendLog log, CampaignProperties properties,
            Retrier retrier, SendProbe probe, Clock clock) {
        this.subscribers = subscribers;
        this.wechat = wechat;
        this.log = log;
        this.properties = properties;
        this.retrier = retrier;
        this.probe = probe;
        this.clock = clock;
    }

    void deliver(SendRun run) {
        int threads = properties.sendThreads();
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(threads * 64);
        RateLimiter limiter = new RateLimiter(properties.sendRate());
        Breaker breaker = new Breaker(properties.sameFailureLimit());
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "campaign-send-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        AtomicBoolean producing = new AtomicBoolean(true);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(pool.submit(() -> work(run, queue, producing, limiter, breaker)));
        }
        try {
            produce(run, queue);
        } catch (RuntimeException | Error e) {
            run.crashed(e);
        } finally {
            producing.set(false);
            for (Future<?> worker : workers) {
                await(run, worker);
            }
            pool.shutdown();
        }
    }

    private void produce(SendRun run, BlockingQueue<Item> queue) {
        AudienceScan scan = subscribers.scan(run.message.audience(), PAGE);
        for (List<String> page = scan.next(); page != null && !run.stopping(); page = scan.next()) {
            if (!clock.instant().isBefore(run.deadline)) {
                run.stop(SendRun.Stop.Kind.EXPIRED, "超过发送时限,余下的不再发送");
                return;
            }
            if (log.status(run.id()) == SendStatus.CANCELLED) {
                run.stop(SendRun.Stop.Kind.CANCELLED, "已取消");
                return;
            }
            List<String> recipients = run.message.channel() == Channel.CUSTOMER_SERVICE ? subscribers.activeAmong(page) : page;
            List<String> states = run.progress.states(recipients);
            for (int i = 0; i < recipients.size() && !run.stopping(); i++) {
                Item item = next(run, recipients.get(i), states.get(i));
                if (item != null) {
                    offer(run, queue, item);
                }
            }
        }
    }

    /** What to do with one resident given their progress: send, resend, settle as unknown, or nothing. */
    private Item next(SendRun run, String openid, String state) {
        if (state == null) {
            return new Item(openid, null);
        }
        if (!SendProgress.isClaim(state) || SendProgress.claimToken(state) == run.lease.token()) {
            return null;
        }
        long age = clock.millis() - SendProgress.claimMillis(state);
        if (run.message.channel() == Channel.TEMPLATE && age < TEMPLATE_DEDUP_WINDOW.toMillis()) {
            return new Item(openid, state);
        }
        if (run.progress.settle(openid, state, "u", "unknown") == SendProgress.FENCED) {
            run.stop(SendRun.Stop.Kind.LOCK_LOST, "发送权已被其他实例接管");
        }
        return null;
    }

    private static void offer(SendRun run, BlockingQueue<Item> queue, Item item) {
        try {
            while (!run.stopping() && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // the workers are behind; wait, but notice a stop
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.stop(SendRun.Stop.Kind.PAUSE, "服务正在停止");
        }
    }

    private void work(SendRun run, BlockingQueue<Item> queue, AtomicBoolean producing, RateLimiter limiter,
            Breaker breaker) {
        try {
            while (true) {
                Item item = queue.poll(50, TimeUnit.MILLISECONDS);
                if (item == null) {
                    if (!producing.get()) {
                        return;
                    }
                } else if (!run.stopping()) {
                    limiter.acquire();
                    send(run, item, breaker);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.stop(SendRun.Stop.Kind.PAUSE, "服务正在停止");
        } catch (RuntimeException | Error e) {
            run.crashed(e);
        }
    }

    private void send(SendRun run, Item item, Breaker breaker) {
        String openid = item.openid();
        String claim = run.progress.claimValue(clock.millis());
        long claimed = item.staleClaim() == null ? run.progress.claim(openid, claim)
                : run.progress.reclaim(openid, item.staleClaim(), claim);
        if (claimed == SendProgress.FENCED) {
            run.stop(SendRun.Stop.Kind.LOCK_LOST, "发送权已被其他实例接管");
            return;
        }
        if (claimed == 0) {
            return;
        }
        probe.claimed(openid);
        boolean template = run.message.channel() == Channel.TEMPLATE;
        WechatOutcome outcome = retrier.call(() -> template
                ? wechat.template(openid, run.message.templateId(), run.message.url(), run.message.templateData(),
                        CampaignWechat.clientMsgId(run.id(), "template"))
                : wechat.customerService(openid, run.message.text()), template, run::stopping);
        probe.called(openid);
        long written = switch (outcome.kind()) {
            case SENT, ALREADY_SENT -> {
                breaker.reset();
                yield run.progress.settle(openid, claim, "s", "sent");
            }
            case NOT_FOLLOWING -> {
                subscribers.unsubscribe(openid);
                yield run.progress.settle(openid, claim, "f:" + outcome.code(), "failed");
            }
            case RECIPIENT -> {
                if (breaker.failed(outcome.code())) {
                    run.stop(SendRun.Stop.Kind.STOP, "连续 " + properties.sameFailureLimit() + " 人发送失败:" + outcome.describe());
                }
                yield run.progress.settle(openid, claim, "f:" + outcome.code(), "failed");
            }
            case UNCERTAIN -> {
                if (template) {
                    run.stop(SendRun.Stop.Kind.PAUSE, "微信没有答复:" + outcome.describe());
                }
                yield run.progress.settle(openid, claim, "u", "unknown");
            }
            case TRANSIENT -> {
                run.stop(SendRun.Stop.Kind.PAUSE, "重试 " + properties.retryAttempts() + " 次仍失败:" + outcome.describe());
                yield run.progress.release(openid, claim);
            }
            case QUOTA, ACCOUNT -> {
                run.stop(SendRun.Stop.Kind.STOP, outcome.describe());
                yield run.progress.release(openid, claim);
            }
        };
        if (written == SendProgress.FENCED) {
            run.stop(SendRun.Stop.Kind.LOCK_LOST, "发送权已被其他实例接管");
            return;
        }
        probe.settled(openid);
    }

    private static void await(SendRun run, Future<?> worker) {
        try {
            worker.get();
        } catch (ExecutionException e) {
            run.crashed(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.stop(SendRun.Stop.Kind.PAUSE, "服务正在停止");
        }
    }

    /** Many residents in a row failing with the same error is not about them: the run stops. */
    private static final class Breaker {
        private final int limit;
        private int code;
        private int count;

        Breaker(int limit) {
            this.limit = limit;
        }

        synchronized boolean failed(int errorCode) {
            count = errorCode == code ? count + 1 : 1;
            code = errorCode;
            return count >= limit;
        }

        synchronized void reset() {
            count = 0;
        }
    }
}
