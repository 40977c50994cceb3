package dev.falconharness.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconharness.BodyValidation;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.request.RequestFactory;
import dev.falconharness.schema.Schema;
import dev.falconharness.schema.SchemaValidator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What checking a typical body against its schema adds to {@code prepare}: the same CreateUser and
 * PerformActionV2 calls with {@link BodyValidation#REFUSE} (checked) and {@link BodyValidation#OFF}
 * (not checked); the difference is the check, which {@code check*} also time on their own. Schemas from
 * the built-in manifest. Target: under 5 µs added. {@link Bench}'s {@code build} group runs both modes
 * one after the other and prints the difference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BodyValidationBench {
    private static final Map<String, Object> USER = Map.of("uid", "ana@example.com", "firstName", "Ana", "lastName", "Lima");
    private static final Map<String, Object> CONTAIN = Map.of("ids", List.of("a1b2c3", "d4e5f6"),
            "action_parameters", List.of(Map.of("name", "note", "value", "incident 42")));
    private static final Map<String, Object> ACTION = Map.of("action_name", "contain");

    @Param({"REFUSE", "OFF"})
    public BodyValidation mode;

    private RequestFactory factory;
    private SchemaValidator validator;
    private Schema createUser;
    private Schema performActionV2;

    @Setup
    public void load() {
        Manifest manifest = Manifest.falcon();
        factory = new RequestFactory(manifest, new ObjectMapper(), mode);
        validator = SchemaValidator.forRequests(new ObjectMapper());
        createUser = manifest.operation("CreateUser").bodySchema().orElseThrow();
        performActionV2 = manifest.operation("PerformActionV2").bodySchema().orElseThrow();
    }

    /** The check alone, as {@code prepare} runs it for a valid body. */
    @Benchmark
    public boolean checkCreateUser() {
        return validator.isValid(createUser, USER);
    }

    @Benchmark
    public boolean checkPerformActionV2() {
        return validator.isValid(performActionV2, CONTAIN);
    }

    @Benchmark
    public PreparedRequest createUser() {
        return factory.prepare("CreateUser", Map.of(), USER);
    }

    @Benchmark
    public PreparedRequest performActionV2() {
        return factory.prepare("PerformActionV2", ACTION, CONTAIN);
    }
}
