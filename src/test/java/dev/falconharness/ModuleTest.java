package dev.falconharness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module exports what users touch and needs, at run time, nothing but Jackson and the JDK. */
class ModuleTest {
    private static ModuleDescriptor descriptor() {
        return ModuleFinder.of(Path.of("target", "classes")).find("dev.falconharness").orElseThrow().descriptor();
    }

    @Test
    void onlyThePublicVocabularyIsExported() {
        Set<String> exported = descriptor().exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("dev.falconharness", "dev.falconharness.http", "dev.falconharness.auth",
                "dev.falconharness.manifest", "dev.falconharness.schema", "dev.falconharness.paging",
                "dev.falconharness.service", "dev.falconharness.sandbox", "dev.falconharness.sandbox.junit",
                "dev.falconharness.openapi")), exported,
                "the engine (stages, transport, token sources), request building and the command line stay inside");
    }

    @Test
    void theOnlyModulesRequiredAtRunTimeAreJacksonAndTheJdk() {
        Set<String> required = descriptor().requires().stream()
                .filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
                .map(ModuleDescriptor.Requires::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("java.base", "java.net.http", "com.fasterxml.jackson.databind")), required);
    }
}
