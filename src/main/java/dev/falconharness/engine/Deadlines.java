package dev.falconharness.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Ends exchanges that run past their deadline. One daemon thread for the whole JVM looks at the exchanges
 * in flight every {@link #TICK}, so a call pays only an add to and a remove from a concurrent set. A timer
 * task per call would instead wake a timer thread on every call, and one that is never cancelled keeps
 * each answer in memory until it fires. Deadlines are met within one tick. When nothing has been watched
 * for {@link #IDLE} the thread parks until the next exchange starts. Thread-safe.
 */
final class Deadlines {
    /** How late an exchange may be ended: far below any sensible request timeout. */
    private static final long TICK = TimeUnit.MILLISECONDS.toNanos(20);
    /** How long the thread keeps ticking with nothing to watch before it parks. */
    private static final long IDLE = TimeUnit.SECONDS.toNanos(2);

    private static final Set<Deadline> WATCHED = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean PARKED = new AtomicBoolean();
    private static final Thread THREAD = start();

    /** Something to end at a deadline. */
    interface Deadline {
        /** When to end it, a {@link System#nanoTime()} value. */
        long deadline();

        /** Ends it; called at most once, on the watchdog thread. */
        void expire();
    }

    private Deadlines() {
    }

    /** Watches {@code deadline} until {@link #release} or until it expires. */
    static void watch(Deadline deadline) {
        WATCHED.add(deadline);
        if (PARKED.get() && PARKED.compareAndSet(true, false)) {
            LockSupport.unpark(THREAD);
        }
    }

    static void release(Deadline deadline) {
        WATCHED.remove(deadline);
    }

    private static Thread start() {
        Thread thread = new Thread(Deadlines::run, "falcon-harness-deadlines");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void run() {
        long lastBusy = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            for (Deadline deadline : WATCHED) {
                if (now - deadline.deadline() >= 0 && WATCHED.remove(deadline)) {
                    expire(deadline);
                }
            }
            if (!WATCHED.isEmpty()) {
                lastBusy = now;
            }
            if (now - lastBusy > IDLE) {
                park();
                lastBusy = System.nanoTime();
            } else {
                LockSupport.parkNanos(TICK);
            }
        }
    }

    private static void expire(Deadline deadline) {
        try {
            deadline.expire();
        } catch (Throwable e) {
            // Cancelling a broken exchange may fail too, even with an Error (out of memory): this one thread
            // keeps every deadline of the JVM, so it must outlive any single failure.
        }
    }

    /** Parks until {@link #watch} adds something; what is added meanwhile is seen by the check before parking. */
    private static void park() {
        PARKED.set(true);
        while (PARKED.get() && WATCHED.isEmpty()) {
            LockSupport.park(Deadlines.class);
        }
        PARKED.set(false);
    }
}
