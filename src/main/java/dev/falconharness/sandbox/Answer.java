package dev.falconharness.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP answer ready for the wire: status, header names spelt exactly as Falcon spells them, in the
 * order they go out, and the body bytes. Immutable.
 *
 * @param status  the HTTP status
 * @param headers header names and values, in order
 * @param body    the body bytes (sent for every method but HEAD)
 */
record Answer(int status, Map<String, String> headers, byte[] body) {

    Answer {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
