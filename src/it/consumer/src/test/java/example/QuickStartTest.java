package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.falconharness.Harness;
import dev.falconharness.sandbox.FalconSandbox;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quick start runs against the sandbox with nothing but the library on the class path. */
class QuickStartTest {

    @Test
    void theQuickStartRunsAgainstTheSandbox() {
        try (FalconSandbox sandbox = FalconSandbox.start();
             Harness falcon = sandbox.harness()) {
            assertEquals(List.of("GetRoles 200 2 roles", "CreateUser 201 errors [] trace id true"), QuickStart.run(falcon));
        }
    }
}
