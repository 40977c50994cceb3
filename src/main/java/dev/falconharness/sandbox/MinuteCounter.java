package dev.falconharness.sandbox;

import java.time.Clock;

/**
 * Counts events per clock minute, for the {@code X-Ratelimit-Remaining} header. A fixed window is
 * simpler than Falcon's sliding one and close enough for clients that only read the header.
 * Thread-safe.
 */
final class MinuteCounter {
    private final Clock clock;
    private final int limit;
    private long minute = Long.MIN_VALUE;
    private int count;

    MinuteCounter(Clock clock, int limit) {
        this.clock = clock;
        this.limit = limit;
    }

    /** Counts one event and returns what is left of this minute's budget (never below zero). */
    synchronized int hitAndRemaining() {
        long now = clock.millis() / 60_000;
        if (now != minute) {
            minute = now;
            count = 0;
        }
        count++;
        return Math.max(0, limit - count);
    }

    int limit() {
        return limit;
    }
}
