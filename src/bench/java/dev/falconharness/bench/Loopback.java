package dev.falconharness.bench;

import dev.falconharness.Harness;

/**
 * What every network benchmark compares: the target server, a harness and the hand-written baseline
 * pointed at it, both with their token already fetched. Closing it closes the harness, then the server.
 *
 * @param target  the server (in-process, or the one {@code -Dbench.url} names)
 * @param harness the harness under test
 * @param raw     the hand-written {@code java.net.http} baseline
 */
record Loopback(Target target, Harness harness, RawClient raw) implements AutoCloseable {

    static Loopback start() {
        Target target = Target.start();
        Harness harness = Calls.harness(target.baseUrl());
        return new Loopback(target, harness, Calls.raw(target.baseUrl(), harness));
    }

    @Override
    public void close() {
        harness.close();
        target.close();
    }
}
