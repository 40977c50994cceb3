package dev.falconharness.request;

import dev.falconharness.http.Headers;
import dev.falconharness.http.PercentEncoder;
import dev.falconharness.http.RequestBody;

/** What the parameter handlers of one call fill in: path values, query, headers, form, body. One per call. */
final class RequestParts {
    final String[] pathValues;
    final StringBuilder query = new StringBuilder();
    Headers headers = Headers.EMPTY;
    RequestBody content;
    /** The request media type for this call: the caller's Content-Type argument, else the operation's default. */
    String contentType;
    private FormEncoder form;

    RequestParts(int parameters) {
        this.pathValues = new String[parameters];
    }

    /** The query, with the separator for one more pair appended. */
    StringBuilder queryStart() {
        return query.append(query.length() == 0 ? '?' : '&');
    }

    void queryPair(String encodedName, String value) {
        queryStart().append(encodedName).append('=');
        PercentEncoder.append(query, value);
    }

    FormEncoder form() {
        if (form == null) {
            form = new FormEncoder();
        }
        return form;
    }

    /** The form's fields, or null when the call has none. */
    FormEncoder formOrNull() {
        return form;
    }
}
