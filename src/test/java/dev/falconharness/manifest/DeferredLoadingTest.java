package dev.falconharness.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The built-in manifest is indexed at load and each operation read when first asked for. */
class DeferredLoadingTest {
    private static final String SOURCE = "test.json";

    private static Manifest deferred(String json) {
        return ManifestLoader.loadDeferred(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8), SOURCE);
    }

    private static String doc(String... operations) {
        return "{'format': 'falcon-harness/manifest@1', 'name': 't', 'operations': [" + String.join(", ", operations) + "]}";
    }

    private static String op(String id, String path, String parameters) {
        return "{'id': '" + id + "', 'method': 'GET', 'path': '" + path + "', 'parameters': [" + parameters + "]}";
    }

    /** Everything an operation carries, as text, so that two readings can be compared whole. */
    private static String render(Operation op) {
        StringBuilder out = new StringBuilder();
        out.append(List.of(op.id(), op.method(), op.path(), String.valueOf(op.collection()), String.valueOf(op.summary()),
                String.valueOf(op.description()), op.deprecated(), String.valueOf(op.replacedBy()),
                String.valueOf(op.consumes()), String.valueOf(op.source())));
        for (Parameter p : op.parameters()) {
            out.append("\n  ").append(java.util.Arrays.asList(p.name(), p.location(), p.type(), p.format(), p.itemType(),
                    p.collectionFormat(), p.required(), p.enumValues(), p.defaultValue(), p.minimum(), p.maximum(),
                    p.minLength(), p.maxLength(), p.pattern() == null ? null : p.pattern().pattern(), p.minItems(),
                    p.maxItems(), p.uniqueItems(), p.description()));
        }
        return out.toString();
    }

    @Test
    void theBuiltInManifestReadsEveryOperationExactlyAsTheCheckingLoaderDoes() {
        Manifest checked = Manifest.load(Path.of("endpoints/falcon.json"));
        Manifest builtIn = Manifest.falcon();
        assertEquals(checked.size(), builtIn.size());
        assertEquals(checked.operationIds(), builtIn.operationIds());
        assertEquals(checked.name(), builtIn.name());
        assertEquals(checked.title(), builtIn.title());
        assertEquals(checked.baseUrl(), builtIn.baseUrl());
        assertEquals(checked.auth(), builtIn.auth());
        List<Operation> inOrder = builtIn.operations();
        for (int i = 0; i < inOrder.size(); i++) {
            Operation expected = checked.operations().get(i);
            assertEquals(render(expected).replace(checked.source(), "SOURCE"),
                    render(inOrder.get(i)).replace(builtIn.source(), "SOURCE"), expected.id());
            assertSame(inOrder.get(i), builtIn.operation(expected.id()), "one Operation per ID");
        }
    }

    @Test
    void theBuiltInDocumentIsTheCheckedOneInEndpoints() throws Exception {
        try (var in = Manifest.class.getResourceAsStream("falcon.json")) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(Path.of("endpoints/falcon.json")), in.readAllBytes()),
                    "the jar must carry endpoints/falcon.json unchanged: it is only checked here");
        }
    }

    @Test
    void operationsAreCheckedWhenFirstAskedFor() {
        Manifest manifest = deferred(doc(
                op("Good", "/good", "{'name': 'q', 'in': 'query', 'type': 'string'}"),
                op("Broken", "/broken/{id}", "{'name': 'q', 'in': 'qurey', 'type': 'string'}")));
        assertEquals(2, manifest.size());
        assertEquals(Set.of("Good", "Broken"), manifest.operationIds());
        assertEquals("/good", manifest.operation("Good").path());
        assertNull(manifest.operation("Missing"));

        ManifestException e = assertThrows(ManifestException.class, () -> manifest.operation("Broken"));
        Set<String> pointers = e.problems().stream().map(ManifestProblem::pointer).collect(Collectors.toSet());
        assertTrue(pointers.contains("/operations/1/parameters/0/in"), e.getMessage());
        assertTrue(pointers.contains("/operations/1/path"), e.getMessage());
        assertTrue(e.problems().stream().allMatch(p -> "Broken".equals(p.operationId()) && SOURCE.equals(p.source())));
        assertThrows(ManifestException.class, manifest::operations, "listing all reads the broken one too");
    }

    @Test
    void topLevelProblemsAreReportedAtLoad() {
        ManifestException e = assertThrows(ManifestException.class, () -> deferred(
                "{'format': 'falcon-harness/manifest@9', 'titel': 'x', 'auth': {'type': 'kerberos'}, 'operations': ["
                        + op("A", "/a", "") + "]}"));
        Set<String> pointers = e.problems().stream().map(ManifestProblem::pointer).collect(Collectors.toSet());
        assertEquals(Set.of("/format", "/titel", "/auth/type"), pointers, e.getMessage());
    }

    @Test
    void aDocumentNotShapedLikeACheckedOneGetsTheFullReport() {
        String duplicate = doc(op("A", "/a", ""), op("A", "/b", ""), "{'method': 'GET', 'path': '/c'}");
        ManifestException fromDeferred = assertThrows(ManifestException.class, () -> deferred(duplicate));
        ManifestException fromChecking = assertThrows(ManifestException.class,
                () -> ManifestLoader.load(new java.io.ByteArrayInputStream(duplicate.replace('\'', '"').getBytes(StandardCharsets.UTF_8)), SOURCE));
        assertEquals(fromChecking.problems(), fromDeferred.problems());
        assertEquals(2, fromDeferred.problems().size(), fromDeferred.getMessage());

        ManifestException notJson = assertThrows(ManifestException.class, () -> deferred("{'operations': [}"));
        assertTrue(notJson.getMessage().contains("not valid JSON (line 1"), notJson.getMessage());
        assertThrows(ManifestException.class, () -> deferred("{'name': 'no operations'}"));
        assertThrows(ManifestException.class, () -> deferred("[]"));
    }

    @Test
    void keysOutsideOperationsMayComeInAnyOrder() {
        Manifest manifest = deferred("{'operations': [" + op("A", "/a", "") + "], 'name': 'late', "
                + "'baseUrl': 'https://example.test', 'auth': {'type': 'bearer'}}");
        assertEquals("late", manifest.name());
        assertEquals("https://example.test", manifest.baseUrl());
        assertEquals(AuthSpec.Type.BEARER, manifest.auth().type());
        assertEquals("/a", manifest.operation("A").path());
    }

    @Test
    void threadsAskingForTheSameOperationGetTheSameOne() throws Exception {
        List<String> ops = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ops.add(op("Op" + i, "/op/" + i, "{'name': 'q', 'in': 'query', 'type': 'string'}"));
        }
        Manifest manifest = deferred(doc(ops.toArray(new String[0])));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<List<Operation>>> seen = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                seen.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    List<Operation> got = new ArrayList<>();
                    for (int i = 49; i >= 0; i--) {
                        got.add(manifest.operation("Op" + i));
                    }
                    return got;
                }, pool));
            }
            start.countDown();
            List<Operation> first = seen.get(0).get();
            for (CompletableFuture<List<Operation>> other : seen) {
                List<Operation> got = other.get();
                for (int i = 0; i < got.size(); i++) {
                    assertSame(first.get(i), got.get(i));
                }
            }
            List<Operation> all = manifest.operations();
            for (int i = 0; i < 50; i++) {
                assertSame(manifest.operation("Op" + i), all.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
