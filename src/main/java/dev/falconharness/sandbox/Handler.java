package dev.falconharness.sandbox;

/** Answers one kind of request. Implementations are thread-safe; they throw {@link SandboxError} to refuse. */
@FunctionalInterface
interface Handler {
    Reply handle(SandboxRequest request);
}
