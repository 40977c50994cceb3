package dev.falconharness.engine;

import dev.falconharness.ValidationException;

import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RawResponse;

import dev.falconharness.auth.TokenSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Authenticates each request as its operation requires, for a manifest with several named schemes: the
 * first alternative of the operation's requirement whose schemes all have credentials is applied, each
 * scheme by its own stage ({@link SigningStage} for API keys and Basic, {@link AuthStage} for tokens). An
 * empty requirement ({@code security: []}) sends no credentials; an empty alternative among others makes
 * credentials optional (used when no other alternative can be met).
 *
 * <p>When no alternative can be met: with no credentials at all, the request goes unauthenticated (as for
 * any API the harness was given no credentials for) and the server answers; with credentials for other
 * schemes only, the call fails before sending with a {@link ValidationException} naming the schemes the
 * operation accepts and those the harness has, since sending would only earn a 401.
 *
 * <p>Immutable and thread-safe as its stages are; {@link #close()} closes the token sources it was given.
 */
public final class SecurityStage implements Stage, AutoCloseable {
    private final Map<String, Stage> schemes;
    private final Function<String, List<Set<String>>> requirements;
    private final Map<String, TokenSource> tokenSources;

    /**
     * @param schemes      the stage for each scheme the harness has credentials for, by scheme name
     * @param requirements the requirement of an operation ID (null for a request made by method and path)
     * @param tokenSources the token source behind each token scheme's stage, closed with this stage
     */
    public SecurityStage(Map<String, Stage> schemes, Function<String, List<Set<String>>> requirements,
            Map<String, TokenSource> tokenSources) {
        this.schemes = Collections.unmodifiableMap(new LinkedHashMap<>(schemes));
        this.requirements = requirements;
        this.tokenSources = Collections.unmodifiableMap(new LinkedHashMap<>(tokenSources));
    }

    @Override
    public RawResponse intercept(Chain chain) throws IOException {
        PreparedRequest request = chain.request();
        List<Set<String>> alternatives = requirements.apply(request.operationId());
        Set<String> chosen = chosen(alternatives);
        if (chosen != null) {
            List<Stage> stages = new ArrayList<>();
            chosen.forEach(name -> stages.add(schemes.get(name)));
            return apply(stages, 0, chain, request);
        }
        throw unmet(request, alternatives);
    }

    /**
     * The token source {@code request} will take a token from, or {@link TokenSource#NONE}: an
     * asynchronous call fetches it before it is handed to a thread.
     */
    public TokenSource tokensFor(PreparedRequest request) {
        Set<String> chosen = chosen(requirements.apply(request.operationId()));
        if (chosen != null) {
            for (String name : chosen) {
                if (tokenSources.containsKey(name)) {
                    return tokenSources.get(name);
                }
            }
        }
        return TokenSource.NONE;
    }

    /**
     * The schemes to apply: the first alternative whose schemes all have credentials; an empty set (none)
     * for no requirement, no credentials at all, or an empty alternative (credentials optional) when no
     * other can be met; null when the call must be refused.
     */
    private Set<String> chosen(List<Set<String>> alternatives) {
        if (alternatives.isEmpty() || schemes.isEmpty()) {
            return Set.of();
        }
        for (Set<String> alternative : alternatives) {
            if (!alternative.isEmpty() && schemes.keySet().containsAll(alternative)) {
                return alternative;
            }
        }
        return alternatives.stream().anyMatch(Set::isEmpty) ? Set.of() : null;
    }

    /** Runs {@code stages} in turn, each adding its credential, then the rest of the chain. */
    private static RawResponse apply(List<Stage> stages, int index, Chain chain, PreparedRequest request) throws IOException {
        if (index == stages.size()) {
            return chain.proceed(request);
        }
        return stages.get(index).intercept(new Chain() {
            @Override
            public PreparedRequest request() {
                return request;
            }

            @Override
            public Call call() {
                return chain.call();
            }

            @Override
            public RawResponse proceed(PreparedRequest next) throws IOException {
                return apply(stages, index + 1, chain, next);
            }
        });
    }

    private ValidationException unmet(PreparedRequest request, List<Set<String>> alternatives) {
        List<String> accepted = new ArrayList<>();
        alternatives.forEach(a -> accepted.add(String.join(" + ", a)));
        String operation = request.operationId() != null ? request.operationId() : request.method() + " " + request.target();
        return new ValidationException(operation, List.of(new ValidationException.Problem("credentials", "auth",
                "the operation accepts " + String.join(", or ", accepted) + ", but the harness has credentials for "
                        + String.join(", ", schemes.keySet()) + " only; give them with "
                        + "Harness.builder().credentials(\"" + alternatives.get(0).iterator().next() + "\", ...)")));
    }

    @Override
    public void close() {
        tokenSources.values().forEach(TokenSource::close);
    }

    @Override
    public String toString() {
        return "SecurityStage{" + schemes.keySet() + "}";
    }
}
