package dev.falconharness.sandbox;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A record as FQL reads it, made once and read by many queries: an unmodifiable field map (in the order
 * of its {@link Columns}) that also keeps every value lower-cased, so that {@link Fql#filter} compares
 * without lower-casing a value per record per term. Any {@code Map<String, String>} works with
 * {@link Fql#filter}; this one is faster to filter. A value already in lower case is kept once.
 * Example: {@code FqlRecord.of(COLUMNS, deviceId, cid, hostname, ...)}. Immutable, so thread-safe.
 */
final class FqlRecord extends AbstractMap<String, String> {
    private final Columns columns;
    private final String[] values;
    private final String[] lowered;

    /**
     * The field names of a kind of record, in order, with their positions; shared by its records, and
     * thread-safe. Also shares lower-cased copies of repeated values ({@code Windows} on 30,000 hosts is
     * one {@code windows}), so that a query over many records compares strings that are already in the
     * processor's cache, and usually the same instance.
     */
    static final class Columns {
        /** Lower-cased values kept for sharing: enough for a fleet's platforms, versions and makers. */
        private static final int SHARED_MAX = 4096;
        private static final int SHARED_LENGTH_MAX = 64;

        private final List<String> names;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, String> shared = new ConcurrentHashMap<>();

        Columns(List<String> names) {
            this.names = List.copyOf(names);
            for (int i = 0; i < this.names.size(); i++) {
                index.put(this.names.get(i), i);
            }
        }

        int size() {
            return names.size();
        }

        /** The field names, in order. */
        List<String> names() {
            return names;
        }

        /** {@code value} in lower case, the same instance as for an equal value before where possible. */
        String lower(String value) {
            // toLowerCase returns the same string when nothing changes: such a value costs nothing to keep.
            String lowered = value.toLowerCase(Locale.ROOT);
            if (lowered == value || value.length() > SHARED_LENGTH_MAX) {
                return lowered;
            }
            String known = shared.get(value);
            if (known != null) {
                return known;
            }
            if (shared.size() < SHARED_MAX) {
                shared.putIfAbsent(value, lowered);
            }
            return lowered;
        }

        /** The position of {@code field}, or -1. */
        int indexOf(Object field) {
            Integer i = index.get(field);
            return i == null ? -1 : i;
        }
    }

    /** @param values one per column, in order (nulls allowed); the array is kept, so pass a new one */
    FqlRecord(Columns columns, String[] values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(columns.size() + " columns, " + values.length + " values");
        }
        this.columns = columns;
        this.values = values;
        this.lowered = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            lowered[i] = values[i] == null ? null : columns.lower(values[i]);
        }
    }

    /** {@code field}'s value in lower case (as {@link Fql} compares), or null. */
    String lowered(String field) {
        int i = columns.indexOf(field);
        return i < 0 ? null : lowered[i];
    }

    /**
     * A field name that remembers its position in the {@link Columns} it last read, so that a filter
     * tested on many records of one kind looks the name up once. Thread-safe: the columns and the
     * position are replaced together, as one immutable object.
     */
    static final class Field {
        private final String name;
        private Known known;

        private record Known(Columns columns, int index) {
        }

        Field(String name) {
            this.name = name;
        }

        /** This field's value in {@code record}, lower-cased, or null. */
        String lowered(FqlRecord record) {
            int i = position(record.columns);
            return i < 0 ? null : record.lowered[i];
        }

        /** This field's value in {@code record} (any map), or null. */
        String value(Map<String, String> record) {
            if (record instanceof FqlRecord known) {
                int i = position(known.columns);
                return i < 0 ? null : known.values[i];
            }
            return record.get(name);
        }

        private int position(Columns columns) {
            Known last = known;
            if (last == null || last.columns != columns) {
                last = new Known(columns, columns.indexOf(name));
                known = last;
            }
            return last.index;
        }
    }

    @Override
    public String get(Object key) {
        int i = columns.indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return columns.indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(columns.names.get(i), values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
