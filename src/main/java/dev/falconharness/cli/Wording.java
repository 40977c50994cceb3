package dev.falconharness.cli;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Puts the harness's messages, written for Java callers, in the command line's words: options instead
 * of methods ("pass the JSON body as the body argument" becomes "give it with --body ..."), and what a
 * network failure means instead of the exception's class name ("connection refused", not
 * "failed: ConnectException"). Unknown messages pass through unchanged.
 */
final class Wording {
    /** Java advice and its command-line equivalent; applied in order. */
    private static final List<String[]> ADVICE = List.of(
            new String[] {" (pass a Map or a JsonNode to have it encoded for you)",
                " (check the JSON given to --body, e.g. with 'jq . FILE')"},
            new String[] {"; pass its form fields as parameters; use Harness.request(...) to send one anyway",
                "; give its form fields as name=value instead of --body"},
            new String[] {"; use Harness.request(...) to send one anyway", "; drop --body"},
            new String[] {"; pass the JSON body as the body argument",
                "; give it with --body JSON, --body @FILE or --body @- (see 'falcon help body')"},
            new String[] {"given twice: as the body argument and as a parameter", "given twice: as --body and as name=value"},
            new String[] {", or baseUrl(...) for any other host", ", or --base-url URL for any other host"},
            new String[] {"Harness.builder().baseUrl(...)", "--base-url URL"});
    /** The harness names a JSON body parameter by its manifest name and location: "body (body)". */
    private static final Pattern BODY_PARAMETER = Pattern.compile("\\b[\\w.-]+ \\(body\\): ");
    /** "... failed: ConnectException" or "... failed: ConnectException: detail" at the end of a message. */
    private static final Pattern FAILED_WITH_CLASS = Pattern.compile("failed: [A-Z][A-Za-z]*Exception(: .*)?$");

    private Wording() {
    }

    /** The message in the command line's words. */
    static String of(String message) {
        if (message == null) {
            return null;
        }
        String text = message;
        for (String[] pair : ADVICE) {
            text = text.replace(pair[0], pair[1]);
        }
        return BODY_PARAMETER.matcher(text).replaceAll("--body: ");
    }

    /** A network failure's message with the class name replaced by what happened. */
    static String network(String message, Throwable cause) {
        String what = meaning(cause);
        if (message == null || what == null) {
            return of(message);
        }
        Matcher matcher = FAILED_WITH_CLASS.matcher(message);
        return matcher.find() ? message.substring(0, matcher.start()) + "failed: " + what : message;
    }

    /** A file error in a few words: "no such file", "permission denied", "a directory". */
    static String io(java.io.IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e.getMessage() != null && e.getMessage().contains("Is a directory")) {
            return "it is a directory";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** What the innermost known cause means to a person, or null when there is nothing better to say. */
    private static String meaning(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException) {
                return "the connection timed out (no answer from the host)";
            }
            if (cause instanceof ConnectException) {
                return "connection refused (nothing is listening there)";
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host " + cause.getMessage();
            }
            if (cause instanceof NoRouteToHostException) {
                return "no route to the host";
            }
            if (cause instanceof SSLException) {
                return "TLS failed: " + cause.getMessage() + " (is it an http:// URL? does it need --ca-cert PEM?)";
            }
            if (cause instanceof ClosedChannelException || cause instanceof java.io.EOFException) {
                return "the server closed the connection";
            }
        }
        return null;
    }
}
