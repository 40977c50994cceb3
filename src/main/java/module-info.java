/**
 * falcon-harness: call any operation of the CrowdStrike Falcon API (or any API a manifest describes) by
 * its operation ID.
 *
 * <p>The library needs only Jackson and the JDK. The command line, the sandbox and the importer's YAML
 * reading use optional dependencies, required here as {@code static}: present when those features run,
 * absent from a library user's module path otherwise.
 */
module dev.falconharness {
    requires transitive com.fasterxml.jackson.databind;
    requires transitive java.net.http;

    // The sandbox (a local Falcon API) serves with Jetty; its TLS mode makes certificates with BouncyCastle.
    requires static org.eclipse.jetty.server;
    requires static org.eclipse.jetty.http;
    requires static org.eclipse.jetty.io;
    requires static org.eclipse.jetty.util;
    requires static org.bouncycastle.pkix;
    requires static org.bouncycastle.provider;
    // FalconSandboxExtension, for users' JUnit 5 tests.
    requires static org.junit.jupiter.api;
    // The importer reads YAML specs with SnakeYAML.
    requires static org.yaml.snakeyaml;
    // The command line: picocli, YAML output, JMESPath queries.
    requires static info.picocli;
    requires static com.fasterxml.jackson.dataformat.yaml;
    requires static jmespath.core;
    requires static jmespath.jackson;

    exports dev.falconharness;
    exports dev.falconharness.http;
    exports dev.falconharness.auth;
    exports dev.falconharness.manifest;
    exports dev.falconharness.schema;
    exports dev.falconharness.paging;
    exports dev.falconharness.service;
    exports dev.falconharness.sandbox;
    exports dev.falconharness.sandbox.junit;
    exports dev.falconharness.openapi;

    // picocli builds the command line from the annotated command classes by reflection.
    opens dev.falconharness.cli to info.picocli;
}
