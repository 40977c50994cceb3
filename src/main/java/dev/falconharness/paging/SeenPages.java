package dev.falconharness.paging;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers a fingerprint of every page delivered so far, to catch a server that answers a cursor or
 * offset it ignored with records it already sent (the first page again and again, say). A page's
 * fingerprint is a 64-bit hash of its first record, its last record and its size: reading two records
 * keeps it cheap whatever the page size, and a repeat of a whole page matches all three. Only the
 * first {@value #REMEMBERED} pages are remembered (about 80 KiB at most), so memory stays bounded on a
 * stream of millions of records; a loop back to one of them, the usual case (a server that ignores the
 * cursor sends the first page again), is caught however long the stream runs. Not thread-safe: one
 * per cursor.
 */
final class SeenPages {
    /** 500,000 records at 500 a page; about 80 bytes each (a map entry, a Long, an Integer). */
    static final int REMEMBERED = 1_000;

    private final Map<Long, Integer> pageByFingerprint = new HashMap<>();

    /**
     * Records this page (number {@code page}, from 1) and returns the number of an earlier page it
     * repeats, or 0 when it is new.
     */
    int repeatOf(JsonNode records, int page) {
        if (records.size() == 0) {
            return 0;
        }
        long fingerprint = fingerprint(records);
        Integer earlier = pageByFingerprint.get(fingerprint);
        if (earlier != null) {
            return earlier;
        }
        if (pageByFingerprint.size() < REMEMBERED) {
            pageByFingerprint.put(fingerprint, page);
        }
        return 0;
    }

    private static long fingerprint(JsonNode records) {
        long hash = fnv(0xcbf29ce484222325L, records.get(0).toString());
        hash = fnv(hash, records.get(records.size() - 1).toString());
        return hash * 31 + records.size();
    }

    /** FNV-1a over the record's UTF-8 text: 64 bits, so unrelated pages do not collide in practice. */
    private static long fnv(long hash, String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
