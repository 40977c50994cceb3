package dev.falconharness.cli;

import dev.falconharness.Harness;
import java.time.Duration;

/**
 * A harness opened for one command, with what must be closed after it: the harness (which revokes its
 * token) and, for {@code --sandbox}, the sandbox it talks to.
 *
 * @param harness the harness to call through
 * @param owned   closed after the harness (the sandbox), or null
 * @param auth    whether calls carry credentials, and if not, whether they need them
 * @param schemes the manifest's named schemes (securitySchemes) the environment gave credentials for
 */
record Session(Harness harness, AutoCloseable owned, Auth auth, java.util.Set<String> schemes) implements AutoCloseable {

    /** A session whose manifest has no named schemes. */
    Session(Harness harness, AutoCloseable owned, Auth auth) {
        this(harness, owned, auth, java.util.Set.of());
    }

    /** How calls are authenticated. */
    enum Auth {
        /** A token is requested with client credentials. */
        CREDENTIALS,
        /** The manifest's API takes unauthenticated calls (another manifest, no credentials given). */
        NONE_NEEDED,
        /** Falcon needs a token but no credentials were found; only a dry run can go on. */
        MISSING
    }

    /** How long the command waits for its token to be revoked after the answer is printed. */
    private static final Duration REVOKE_WAIT = Duration.ofSeconds(3);

    /**
     * Closes the harness, which revokes its token, then what the session owns. Revocation is best
     * effort (the token expires within 30 minutes anyway), so a slow network may hold the prompt for
     * {@link #REVOKE_WAIT} at most, not for the core's retries. A sandbox's token is not revoked at all:
     * the sandbox stops a moment later.
     */
    @Override
    public void close() {
        if (owned != null) {
            closeOwned();
            return;
        }
        Thread revoke = new Thread(harness::close, "falcon-revoke");
        revoke.setDaemon(true);
        revoke.start();
        try {
            revoke.join(REVOKE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeOwned() {
        if (owned == null) {
            return;
        }
        try {
            owned.close();
        } catch (Exception e) {
            // Shutting down a local sandbox cannot lose the user's data; the answer is already printed.
        }
    }
}
