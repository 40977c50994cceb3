package dev.falconharness.bench;

/**
 * Runs a benchmark server on its own, for {@code bench.url}: {@code Serve [port] [raw|jdk]} (defaults: a
 * free port, {@code raw}). Prints the base URL, then serves until the process is stopped.
 */
public final class Serve {
    private Serve() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        String kind = args.length > 1 ? args[1] : "raw";
        BenchServer server = BenchServer.start(kind, port);
        System.out.println(server.baseUrl());
        Thread.currentThread().join();
    }
}
