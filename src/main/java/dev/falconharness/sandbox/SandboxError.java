package dev.falconharness.sandbox;

/**
 * A request the sandbox refuses, with the HTTP status and the message that goes into the envelope's
 * {@code errors}. Thrown by handlers and turned into a {@link Reply} by the dispatcher.
 */
final class SandboxError extends RuntimeException {
    private final int status;

    SandboxError(int status, String message) {
        // No stack trace: this is an answer to the client, not a fault in the sandbox.
        super(message, null, false, false);
        this.status = status;
    }

    static SandboxError badRequest(String message) {
        return new SandboxError(400, message);
    }

    static SandboxError notFound(String message) {
        return new SandboxError(404, message);
    }

    int status() {
        return status;
    }

    Reply reply() {
        return Reply.error(status, getMessage());
    }
}
