package dev.falconharness.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The access tokens the sandbox has issued, the customer ID each is scoped to and when each expires. Tokens are 32 random bytes from
 * {@link SecureRandom}, never logged and never part of a message. Thread-safe.
 */
final class TokenStore {
    private static final int TOKEN_BYTES = 32;

    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> expiries = new ConcurrentHashMap<>();
    private final AtomicLong issued = new AtomicLong();

    /** What the store knows about a presented token. */
    enum Status { VALID, EXPIRED, UNKNOWN }

    /** An issued token's customer ID and expiry. */
    private record Grant(String cid, Instant expiry) {
    }

    TokenStore(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A new token for this customer ID, valid for the configured lifetime. */
    String issue(String cid) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        // Forget expired tokens now and then, so a long-running sandbox does not grow without bound.
        expiries.values().removeIf(grant -> !now.isBefore(grant.expiry()));
        expiries.put(token, new Grant(cid, now.plus(lifetime)));
        issued.incrementAndGet();
        return token;
    }

    Status check(String token) {
        Grant grant = token == null ? null : expiries.get(token);
        if (grant == null) {
            return Status.UNKNOWN;
        }
        return clock.instant().isBefore(grant.expiry()) ? Status.VALID : Status.EXPIRED;
    }

    /** The customer ID a token was issued for, or null for a token the store does not hold. */
    String cidOf(String token) {
        Grant grant = token == null ? null : expiries.get(token);
        return grant == null ? null : grant.cid();
    }

    /** Forgets a token; unknown tokens are ignored, as OAuth2 revocation requires (RFC 7009). */
    void revoke(String token) {
        if (token != null) {
            expiries.remove(token);
        }
    }

    /** {@code expires_in}: whole seconds, rounded up so a sub-second lifetime is not reported as zero. */
    long expiresInSeconds() {
        return Math.max(1, (lifetime.toMillis() + 999) / 1000);
    }

    Duration lifetime() {
        return lifetime;
    }

    int active() {
        Instant now = clock.instant();
        return (int) expiries.values().stream().filter(grant -> now.isBefore(grant.expiry())).count();
    }

    long issued() {
        return issued.get();
    }
}
