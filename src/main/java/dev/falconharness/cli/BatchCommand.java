package dev.falconharness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code falcon batch [FILE]}: many calls with one token. Reads one call per line
 * ({@link BatchLine}) from FILE or stdin, runs up to {@code --parallel} at once through one harness
 * (so one token, and the harness's rate-limit pacing across all of them), and prints one JSON line per
 * call as it completes: {@code {"line": 3, "op": "GetRoles", "status": 200, "body": {...}}}, or
 * {@code "error"} and {@code "exit"} for a call that could not be made. Exit status: 0 when every call
 * got a 2xx, otherwise the exit code of the first failed line. Not thread-safe itself; its workers
 * share only the harness and a synchronized writer.
 */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Run many calls, read as JSON lines, with one token.",
            "Each line is one call: {\"op\": \"GetRoles\", \"params\": {\"ids\": [\"a\"]}, \"body\": {...}}",
            "from FILE or stdin; one JSON line per result, with its input line number,",
            "in the order the calls complete. Blank lines and lines starting with # are skipped.", ""})
final class BatchCommand implements Callable<Integer> {
    @ParentCommand
    FalconCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The calls, one JSON object per line (default: stdin, or -).")
    String file;

    @Option(names = {"-p", "--parallel"}, paramLabel = "N", description = "Run up to N calls at once (default: 4).")
    int parallel = 4;

    @Option(names = "--body-check", paramLabel = "MODE",
            description = "Check each body against its operation's schema: refuse (the default) fails that call, "
                    + "warn prints the problems and sends it, off does not check.")
    String bodyCheck;

    @ArgGroup(validate = false, heading = "%nConnection:%n", order = 1)
    ConnectionOptions connection;

    @ArgGroup(validate = false, heading = "%nManifests:%n", order = 2)
    ManifestOptions manifests;

    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);
    private final AtomicInteger failureCode = new AtomicInteger();
    private PrintWriter out;

    @Override
    public Integer call() throws IOException {
        if (parallel < 1 || parallel > 64) {
            throw CommandFailure.usage("--parallel must be 1 to 64, got " + parallel);
        }
        out = spec.commandLine().getOut();
        Interruption.interruptCalls();
        ConnectionOptions c = ConnectionOptions.orDefault(connection);
        // Many calls share one rate budget: pace them by the API's rate-limit headers instead of meeting 429s.
        c.pacing = true;
        c.bodyValidation = BodyCheck.parse(bodyCheck);
        ManifestOptions m = ManifestOptions.orDefault(manifests);
        if (!c.sandbox) {
            m.defaultTo(Profiles.manifest(parent.io(), c.profile != null ? c.profile : parent.profile()));
        }
        try (BufferedReader input = open();
                BodyCheck.Scope warnings = BodyCheck.warnings(spec.commandLine().getErr());
                Session session = Connector.open(c, m, parent.io(), null)) {
            if (session.auth() == Session.Auth.MISSING) {
                throw Connector.missingCredentials();
            }
            int stopped = run(input, session.harness());
            if (stopped != ExitCodes.OK) {
                return stopped;
            }
        }
        return firstFailure.get() == Integer.MAX_VALUE ? ExitCodes.OK : failureCode.get();
    }

    private BufferedReader open() throws IOException {
        if (file == null || file.equals("-")) {
            return new BufferedReader(new InputStreamReader(parent.io().stdin(), StandardCharsets.UTF_8));
        }
        Path path = Path.of(file);
        if (!Files.isReadable(path) || Files.isDirectory(path)) {
            throw CommandFailure.usage("batch " + file + ": cannot read the file (not found, a directory, or not readable)");
        }
        return Files.newBufferedReader(path, StandardCharsets.UTF_8);
    }

    /** Reads and submits every line; returns non-OK when the run was cut short. */
    private int run(BufferedReader input, Harness harness) throws IOException {
        ExecutorService workers = Executors.newFixedThreadPool(parallel, runnable -> {
            Thread thread = new Thread(runnable, "falcon-batch");
            thread.setDaemon(true);
            return thread;
        });
        // Reading runs at most one window ahead of the calls: a million-line file is never all in memory.
        Semaphore window = new Semaphore(parallel * 2);
        int stopped = ExitCodes.OK;
        try {
            long number = 0;
            for (String text = input.readLine(); text != null; text = input.readLine()) {
                number++;
                if (text.isBlank() || text.strip().startsWith("#")) {
                    continue;
                }
                stopped = stopReason();
                if (stopped != ExitCodes.OK) {
                    break;
                }
                window.acquire();
                long line = number;
                String call = text;
                workers.execute(() -> {
                    try {
                        report(line, call, harness);
                    } finally {
                        window.release();
                    }
                });
            }
        } catch (InterruptedException e) {
            stopped = ExitCodes.INTERRUPTED;
        } finally {
            workers.shutdown();
            awaitQuietly(workers);
        }
        return stopped == ExitCodes.OK ? stopReason() : stopped;
    }

    private int stopReason() {
        if (Interruption.requested()) {
            return ExitCodes.INTERRUPTED;
        }
        synchronized (this) {
            return out.checkError() ? ExitCodes.READER_GONE : ExitCodes.OK;
        }
    }

    private static void awaitQuietly(ExecutorService workers) {
        try {
            workers.awaitTermination(1, TimeUnit.DAYS);
        } catch (InterruptedException e) {
            // Ctrl-C: the calls in flight end with the harness; what they print is still complete lines.
            Thread.interrupted();
        }
    }

    /** Makes one call and prints its line; every failure is reported on that line, never thrown. */
    private void report(long number, String text, Harness harness) {
        ObjectNode result = mapper.createObjectNode().put("line", number);
        try {
            BatchLine call = BatchLine.parse(number, text, mapper);
            result.put("op", call.op());
            ApiResponse response = harness.command(call.op(), call.params(), call.body());
            result.put("status", response.statusCode());
            if (response.isJson()) {
                result.set("body", ResponsePrinter.exactBody(response));
            } else if (response.bytes().length > 0) {
                result.put("text", response.text());
            }
            if (!response.isSuccessful()) {
                failed(number, ExitCodes.API_ERROR);
            }
        } catch (RuntimeException e) {
            int code = Failures.exitCode(e);
            result.put("error", e instanceof dev.falconharness.NetworkException ? Wording.network(e.getMessage(), e.getCause())
                    : Wording.of(e.getMessage())).put("exit", code);
            failed(number, code);
        }
        print(result);
    }

    private synchronized void print(JsonNode result) {
        out.println(ResponsePrinter.json(result, false));
    }

    private void failed(long number, int code) {
        synchronized (firstFailure) {
            if (number < firstFailure.get()) {
                firstFailure.set((int) Math.min(number, Integer.MAX_VALUE - 1));
                failureCode.set(code);
            }
        }
    }
}
