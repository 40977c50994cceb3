package dev.falconharness.testing;

import dev.falconharness.http.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records every wait and moves a {@link MutableClock} instead of sleeping. Thread-safe. */
public final class FakeSleeper implements Sleeper {
    private final MutableClock clock;
    private final List<Duration> sleeps = new ArrayList<>();

    public FakeSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        clock.advance(duration);
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public synchronized Duration total() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
