package cn.fangfei.campaign.sending;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import cn.fangfei.campaign.calendar.PlannedSend;
import cn.fangfei.redis.RedisLock;

/** One holder's work on one planned send, and why it stopped, if it did. */
final class SendRun {
    /** Why a run ended before every recipient was done. */
    record Stop(Kind kind, String reason) {
        enum Kind {
            /** Another instance holds the sender role now: write nothing more. */
            LOCK_LOST,
            /** Transient trouble or shutdown: resume by itself later. */
            PAUSE,
            /** Quota or account trouble: an editor resumes it. */
            STOP,
            /** The send window passed. */
            EXPIRED,
            /** An editor cancelled it. */
            CANCELLED,
            /** Something unexpected (a bug, or a test playing a dying process): write nothing, resume later. */
            CRASH
        }
    }

    final PlannedSend send;
    final RenderedMessage message;
    final SendProgress progress;
    final RedisLock.Lease lease;
    final Instant deadline;
    private final AtomicReference<Stop> stop = new AtomicReference<>();
    private final AtomicReference<Throwable> crash = new AtomicReference<>();

    SendRun(PlannedSend send, RenderedMessage message, SendProgress progress, RedisLock.Lease lease, Instant deadline) {
        this.send = send;
        this.message = message;
        this.progress = progress;
        this.lease = lease;
        this.deadline = deadline;
    }

    String id() {
        return send.id();
    }

    /** The first reason given wins. */
    void stop(Stop.Kind kind, String reason) {
        stop.compareAndSet(null, new Stop(kind, reason));
    }

    void crashed(Throwable cause) {
        crash.compareAndSet(null, cause);
        stop(Stop.Kind.CRASH, cause.getClass().getSimpleName());
    }

    Throwable crash() {
        return crash.get();
    }

    /** Null while the run may go on. */
    Stop stopped() {
        if (lease.lost()) {
            stop(Stop.Kind.LOCK_LOST, "发送权已被其他实例接管");
        }
        return stop.get();
    }

    boolean stopping() {
        return stopped() != null;
    }
}
