package dev.falconharness.paging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A loopback stand-in for a paged Falcon endpoint: answers tokens, records every call's path and query,
 * and lets each test decide the page for a request.
 */
final class FakePagedApi extends Dispatcher {
    private final Function<RecordedRequest, MockResponse> pages;
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    volatile int tokenRequests;

    FakePagedApi(Function<RecordedRequest, MockResponse> pages) {
        this.pages = pages;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if ("/oauth2/token".equals(request.getPath())) {
            tokenRequests++;
            return new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
                    .setBody("{\"access_token\":\"paging-token\",\"expires_in\":1799}");
        }
        calls.add(request.getPath());
        return pages.apply(request);
    }

    /** An envelope with ids {@code prefix + from .. prefix + (to - 1)} and the given pagination JSON. */
    static MockResponse page(String prefix, int from, int to, String pagination) {
        StringBuilder resources = new StringBuilder("[");
        for (int i = from; i < to; i++) {
            resources.append(i > from ? "," : "").append('"').append(prefix).append(i).append('"');
        }
        return new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"meta\":{\"pagination\":"
                + pagination + "},\"resources\":" + resources.append(']') + ",\"errors\":[]}");
    }

    static String param(RecordedRequest request, String name) {
        HttpUrl url = request.getRequestUrl();
        return url == null ? null : url.queryParameter(name);
    }

    static int intParam(RecordedRequest request, String name, int fallback) {
        String value = param(request, name);
        return value == null ? fallback : Integer.parseInt(value);
    }
}
