package dev.falconharness.bench;

import dev.falconharness.sandbox.FalconSandbox;

/**
 * The subject of the cold start: builds a sandbox with {@code args[0]} hosts ({@code default} for the
 * default fleet), prints how long {@code build()} took inside this JVM, closes it and exits. Timed from
 * outside by {@link SandboxBench}, process start to exit.
 */
public final class SandboxStart {
    private SandboxStart() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        FalconSandbox.Builder builder = FalconSandbox.builder();
        FalconSandbox sandbox = (args[0].equals("default") ? builder : builder.hosts(Integer.parseInt(args[0]))).build();
        System.out.println("buildMillis=" + (System.nanoTime() - start) / 1_000_000);
        sandbox.close();
    }
}
