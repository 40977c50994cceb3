package dev.falconharness.http;

import java.time.Duration;

/**
 * What the server answered: status, headers and the whole body, exactly as received.
 * Immutable by convention (the body array is not copied for speed; do not change it).
 *
 * @param request the request that was sent (after every stage changed it)
 * @param status  the HTTP status code
 * @param headers the response headers
 * @param body    the body bytes, empty when there was none
 * @param elapsed the time from sending the request to reading the last byte
 */
public record RawResponse(PreparedRequest request, int status, Headers headers, byte[] body, Duration elapsed) {

    @Override
    public String toString() {
        return "RawResponse{" + status + ", " + body.length + " bytes, " + request.method() + " "
                + request.redactedUrl() + "}";
    }
}
