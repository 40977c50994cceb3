package dev.falconharness.sandbox;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * What the sandbox answers, apart from the wire: routes a request, applies injected faults, checks the
 * bearer token, checks the body against the operation's {@link Contract}, runs the operation's handler,
 * keeps its status to those the operation documents, and renders the answer. Every answer, refusals
 * included, is a Falcon envelope with a fresh trace ID. Thread-safe.
 */
final class Dispatcher {
    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());

    private final RouteTable routes;
    private final OAuthEndpoints oauth;
    private final FaultPlan faults;
    private final ResponseWriter writer;
    private final Clock clock;
    private RateBudget budget;

    Dispatcher(RouteTable routes, OAuthEndpoints oauth, FaultPlan faults, ResponseWriter writer, Clock clock) {
        this.routes = routes;
        this.oauth = oauth;
        this.faults = faults;
        this.writer = writer;
        this.clock = clock;
    }

    /** Enforces a request budget per customer (null: none, the default); set before the server starts. */
    Dispatcher withBudget(RateBudget rateBudget) {
        this.budget = rateBudget;
        return this;
    }

    /**
     * The answer to one request, or null when an injected fault drops the connection without one.
     *
     * @param started {@link System#nanoTime()} when the request arrived
     * @throws InterruptedException when the sandbox closes while a delay fault waits
     */
    Answer serve(SandboxRequest request, long started) throws InterruptedException {
        String traceId = UUID.randomUUID().toString();
        Route route = routes.match(request.method(), request.path());
        FaultPlan.Decision decision = faults.decide(route);
        if (!decision.delay().isZero()) {
            Thread.sleep(decision.delay().toMillis());
        }
        Fault fault = decision.terminal();
        if (fault != null && fault.kind() == Fault.Kind.DROP) {
            return null;
        }
        Reply reply = fault != null ? faultReply(fault) : answer(request, route);
        return writer.render(reply, traceId, started);
    }

    /**
     * The refusal of a request whose bearer token is missing, expired or unknown, judged from its head alone,
     * so that no body is read for a caller without a token; null when the request may go on (open routes,
     * good tokens, and routes an injected fault governs, whose fault must still fire).
     */
    Answer preflight(SandboxRequest head, long started) {
        Route route = routes.match(head.method(), head.path());
        if (route != null && route.open() || faults.governs(route)) {
            return null;
        }
        Reply refusal = oauth.access(head).refusal();
        return refusal == null ? null : writer.render(refusal, UUID.randomUUID().toString(), started);
    }

    /** The answer to a request that could not even be read (malformed percent-encoding). */
    Answer refuse(SandboxError error, long started) {
        return writer.render(error.reply(), UUID.randomUUID().toString(), started);
    }

    private Reply answer(SandboxRequest request, Route route) {
        SandboxRequest authorized = request;
        if (route == null || !route.open()) {
            OAuthEndpoints.Access access = oauth.access(request);
            if (access.refusal() != null) {
                return access.refusal();
            }
            authorized = request.withCid(access.cid());
        }
        if (route == null) {
            return notFound(request);
        }
        if (budget != null && !route.open()) {
            SandboxRequest counted = authorized;
            return budget.apply(authorized.cid(), () -> handle(counted, route));
        }
        return handle(authorized, route);
    }

    private Reply handle(SandboxRequest authorized, Route route) {
        try {
            return route.contract().documented(route.handler().handle(route.contract().checkBody(authorized)));
        } catch (SandboxError e) {
            return route.contract().documented(e.reply());
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
