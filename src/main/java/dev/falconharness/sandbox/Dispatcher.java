package dev.falconharness.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * The one HTTP handler: reads the request, routes it, applies injected faults, checks the bearer token,
 * runs the operation's handler and writes the answer. Every answer, refusals included, is a Falcon
 * envelope with a fresh trace ID. Thread-safe.
 */
final class Dispatcher implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());

    private final RouteTable routes;
    private final OAuthEndpoints oauth;
    private final FaultPlan faults;
    private final ResponseWriter writer;
    private final Clock clock;

    Dispatcher(RouteTable routes, OAuthEndpoints oauth, FaultPlan faults, ResponseWriter writer, Clock clock) {
        this.routes = routes;
        this.oauth = oauth;
        this.faults = faults;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            serve(exchange);
        } catch (IOException e) {
            // The client went away mid-answer; there is no one left to tell.
            LOG.log(Level.DEBUG, () -> "sandbox could not answer " + exchange.getRequestMethod() + ": " + e);
        } catch (InterruptedException e) {
            // The sandbox is closing while a delay fault waits; the connection just closes.
            Thread.currentThread().interrupt();
        } finally {
            // Before an answer was sent, this closes the connection: that is how a drop fault drops.
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException, InterruptedException {
        long started = System.nanoTime();
        String traceId = UUID.randomUUID().toString();
        boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        SandboxRequest request;
        try {
            request = SandboxRequest.read(exchange);
        } catch (SandboxError e) {
            writer.write(exchange, e.reply(), traceId, started, head);
            return;
        }
        Route route = routes.match(request.method(), request.path());
        FaultPlan.Decision decision = faults.decide(route);
        if (!decision.delay().isZero()) {
            Thread.sleep(decision.delay().toMillis());
        }
        Fault fault = decision.terminal();
        if (fault != null && fault.kind() == Fault.Kind.DROP) {
            return;
        }
        Reply reply = fault != null ? faultReply(fault) : answer(request, route);
        writer.write(exchange, reply, traceId, started, head);
    }

    private Reply answer(SandboxRequest request, Route route) {
        if (route == null || !route.open()) {
            Reply refusal = oauth.refusal(request);
            if (refusal != null) {
                return refusal;
            }
        }
        if (route == null) {
            return notFound(request);
        }
        try {
            return route.handler().handle(request);
        } catch (SandboxError e) {
            return e.reply();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sandbox failed to answer " + route.operationIds().get(0), e);
            return Reply.error(500, "the sandbox failed to answer " + route.operationIds().get(0) + ": "
                    + e.getClass().getSimpleName() + " (a sandbox bug; please report it)");
        }
    }

    private Reply notFound(SandboxRequest request) {
        Set<String> methods = routes.methodsFor(request.path());
        String hint = methods.isEmpty() ? "; check the path against the manifest"
                : "; this path takes " + String.join(", ", methods);
        return Reply.error(404, "no operation matches " + request.method() + " " + request.path() + hint);
    }

    private Reply faultReply(Fault fault) {
        if (fault.kind() == Fault.Kind.RATE_LIMIT) {
            // Whole epoch seconds, rounded up: what every Falcon client reads the header as.
            long retryAt = clock.instant().plus(fault.duration()).plus(Duration.ofMillis(999)).getEpochSecond();
            return Reply.error(429, "API rate limit exceeded (injected by the sandbox: " + fault + ")")
                    .withHeader("X-Ratelimit-Limit", String.valueOf(ResponseWriter.RATE_LIMIT))
                    .withHeader("X-Ratelimit-Remaining", "0")
                    .withHeader("X-Ratelimit-Retryafter", String.valueOf(retryAt));
        }
        return Reply.error(fault.status(), "HTTP " + fault.status() + " injected by the sandbox: " + fault);
    }
}
