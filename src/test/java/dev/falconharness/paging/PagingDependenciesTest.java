package dev.falconharness.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The paging package talks to the harness through {@link Caller} only: its compiled classes name no
 * type of the root package but the public values and exceptions paging hands to its users, and nothing
 * of the engine in {@code http}. Read from the class files' constant pools, where every type a class
 * uses is named; Javadoc links leave no trace there.
 */
class PagingDependenciesTest {
    private static final Set<String> ROOT_VALUES = Set.of("ApiResponse", "ApiResponse$ApiError", "Pagination",
            "PaginationException", "FalconHarnessException", "ValidationException", "ValidationException$Problem");
    private static final Pattern ROOT_TYPE = Pattern.compile("dev/falconharness/([A-Z][A-Za-z0-9_$]*)");

    private static Set<String> referencesIn(String prefix) throws IOException, URISyntaxException {
        Path dir = Path.of(Paginator.class.getResource("Paginator.class").toURI()).getParent();
        Set<String> found = new TreeSet<>();
        try (Stream<Path> classes = Files.list(dir)) {
            for (Path file : classes.filter(f -> f.toString().endsWith(".class")).toList()) {
                String pool = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                Matcher m = Pattern.compile(Pattern.quote(prefix) + "[A-Za-z0-9_$/]*").matcher(pool);
                while (m.find()) {
                    found.add(m.group());
                }
            }
        }
        return found;
    }

    @Test
    void pagingUsesOnlyTheRootPackagesPublicValuesAndExceptions() throws Exception {
        Set<String> rootTypes = new TreeSet<>();
        for (String name : referencesIn("dev/falconharness/")) {
            Matcher m = ROOT_TYPE.matcher(name);
            if (m.matches()) {
                rootTypes.add(m.group(1));
            }
        }
        assertFalse(rootTypes.isEmpty(), "the scan found the root types paging returns");
        assertTrue(ROOT_VALUES.containsAll(rootTypes), "paging reaches into the root package for " + rootTypes);
        assertFalse(rootTypes.contains("Harness"));
    }

    @Test
    void pagingDoesNotReachIntoTheEngine() throws Exception {
        assertEquals(Set.of(), referencesIn("dev/falconharness/engine/"));
        // Ids are read exactly as command() reads them, with the request builder's own list reading.
        assertEquals(Set.of("dev/falconharness/request/ArrayArguments"), referencesIn("dev/falconharness/request/"));
    }
}
