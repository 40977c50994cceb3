package dev.falconharness.http;

import java.time.Duration;

/**
 * Waits for a while. The harness waits through this (backoff, rate-limit pauses) so tests can replace
 * it with a fake that records the waits and moves a fake clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    /** {@link Thread#sleep}. */
    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
