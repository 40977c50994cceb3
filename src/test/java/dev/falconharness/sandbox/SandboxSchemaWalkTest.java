package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.ParamType;
import dev.falconharness.schema.SchemaProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every operation of the manifest, called with arguments made from its schemas, answers what its schema says. */
class SandboxSchemaWalkTest {
    private static FalconSandbox sandbox;
    private static Harness harness;

    @BeforeAll
    static void start() {
        sandbox = FalconSandbox.start();
        harness = sandbox.harness();
    }

    @AfterAll
    static void stop() {
        harness.close();
        sandbox.close();
    }

    @Test
    void everySuccessfulAnswerMatchesItsOperationsOwnResponseSchema() {
        List<String> problems = new ArrayList<>();
        int successes = 0;
        GeneratedCollections collections = GeneratedCollections.of(Manifest.falcon());
        for (Operation op : Manifest.falcon().operations()) {
            Map<String, Object> params = new LinkedHashMap<>(MinimalArguments.params(op));
            // Entity operations get IDs their query lists, so their records are walked too, not only 404s.
            GeneratedCollections.entityKey(op).filter(k -> op.parameter("ids") != null && collections.hasIds(k))
                    .ifPresent(key -> params.put("ids", op.parameter("ids").type() == ParamType.ARRAY
                            ? collections.ids(key).subList(0, 2) : collections.ids(key).get(0)));
            ApiResponse response = harness.send(harness.prepare(op.id(), params, MinimalArguments.body(op)));
            // schemaProblems() itself knows that a 204 carries no body, whatever schema the manifest gives it.
            if (response.statusCode() >= 200 && response.statusCode() < 300) {
                successes++;
                response.schemaProblems().stream().filter(p -> !admitsNoValue(p)).limit(3)
                        .forEach(p -> problems.add(op.id() + " " + response.statusCode() + ": " + p));
            }
        }
        assertEquals(List.of(), problems);
        // Nearly every operation succeeds with minimal arguments; the rest look up made-up IDs in bodies.
        assertTrue(successes > 1400, "only " + successes + " operations answered 2xx");
    }

    /**
     * The manifest's {@code scheduling.days_of_week} (create_scans, update_scans) is an array whose enum is
     * the single string "Sun,Mon,...": no value satisfies both, so no answer can be valid there.
     */
    private static boolean admitsNoValue(SchemaProblem problem) {
        return problem.path().endsWith("scheduling.days_of_week")
                && problem.message().contains("not one of the allowed values");
    }
}
