package dev.falconharness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code java} block of the README compiles with exactly the imports it shows, so a reader can paste
 * one into a file and only add what the text around it says is theirs. A block that is a class compiles
 * as it is; any other block becomes the body of a method that can see two things the README's prose
 * introduces, {@code falcon} (a {@link Harness}) and {@code manyIds} (a {@code List<String>}), and the
 * reader's own {@code Offboarding} class that the testing example exercises. ReadmeExamplesTest runs the
 * examples; this test keeps their imports honest.
 */
class ReadmeCompilesTest {
    /** What the README's prose hands the snippets; fully qualified so it adds no import of its own. */
    private static final String CONTEXT = """
            package readme;
            abstract class Context {
                protected dev.falconharness.Harness falcon;
                protected java.util.List<String> manyIds;
            }
            """;
    /** The reader's own automation in "Testing your automation against the sandbox". */
    private static final String OFFBOARDING = """
            package readme;
            class Offboarding {
                Offboarding(dev.falconharness.Harness falcon) {
                }
                void run(String uid) {
                }
            }
            """;

    @TempDir
    Path out;

    @Test
    void everyJavaExampleCompilesWithTheImportsItShows() throws IOException {
        List<Snippet> snippets = Snippet.all(Files.readString(Path.of("README.md")));
        assertTrue(snippets.size() >= 5, "java blocks found in README.md: " + snippets.size());
        assertEquals("", compile(snippets));
    }

    @Test
    void aMissingImportIsReportedAtItsReadmeLine() throws IOException {
        String readme = "intro\n```java\nimport java.util.List;\n\nList<String> a = List.of();\nMap<String, String> b = Map.of();\n```\n";
        String problems = compile(Snippet.all(readme));
        assertTrue(problems.contains("README.md:6: cannot find symbol"), problems);
    }

    private String compile(List<Snippet> snippets) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        units.add(new Source("readme/Context", CONTEXT, null));
        units.add(new Source("readme/Offboarding", OFFBOARDING, null));
        snippets.forEach(s -> units.add(s.source()));
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            javac.getTask(null, files, diagnostics, List.of("-d", out.toString(), "-classpath", classPath, "-proc:none",
                    "-Xlint:none"), null, units).call();
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(ReadmeCompilesTest::describe)
                .collect(Collectors.joining("\n"));
    }

    private static String describe(Diagnostic<? extends JavaFileObject> d) {
        Source source = (Source) d.getSource();
        String where = source == null || source.readmeLines == null ? String.valueOf(source)
                : "README.md:" + source.readmeLines.get((int) d.getLineNumber() - 1);
        return where + ": " + d.getMessage(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** One {@code java} block: its imports, its other lines, and the README line each came from. */
    private record Snippet(int firstLine, List<String> lines) {

        static List<Snippet> all(String readme) {
            List<Snippet> snippets = new ArrayList<>();
            List<String> lines = readme.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).strip().equals("```java")) {
                    continue;
                }
                int indent = lines.get(i).indexOf('`');
                List<String> block = new ArrayList<>();
                int start = i + 1;
                for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                    String line = lines.get(i);
                    block.add(line.length() >= indent && line.substring(0, indent).isBlank() ? line.substring(indent) : line);
                }
                snippets.add(new Snippet(start + 1, block));
            }
            return snippets;
        }

        /** The block as a compilation unit in package {@code readme}, lines mapped back to the README. */
        Source source() {
            String name = "Snippet" + firstLine;
            boolean isClass = lines.stream().anyMatch(l -> l.startsWith("class ") || l.startsWith("public class "));
            StringBuilder text = new StringBuilder("package readme;\n");
            List<Integer> origin = new ArrayList<>(List.of(firstLine));
            int bodyStart = 0;
            while (bodyStart < lines.size() && (lines.get(bodyStart).startsWith("import ") || lines.get(bodyStart).isBlank())) {
                add(text, origin, lines.get(bodyStart), firstLine + bodyStart);
                bodyStart++;
            }
            if (!isClass) {
                add(text, origin, "class " + name + " extends Context { void run() throws Exception {", firstLine + bodyStart);
            }
            for (int j = bodyStart; j < lines.size(); j++) {
                add(text, origin, lines.get(j), firstLine + j);
            }
            if (!isClass) {
                add(text, origin, "}}", firstLine + lines.size() - 1);
            }
            String className = isClass ? lines.stream().filter(l -> l.contains("class ")).findFirst().orElseThrow()
                    .replaceAll(".*class (\\w+).*", "$1") : name;
            return new Source("readme/" + className, text.toString(), origin);
        }

        private static void add(StringBuilder text, List<Integer> origin, String line, int readmeLine) {
            text.append(line).append('\n');
            origin.add(readmeLine);
        }
    }

    /** Java source held in memory. {@code readmeLines} maps each line (from 1) to its README line. */
    private static final class Source extends SimpleJavaFileObject {
        private final String text;
        private final List<Integer> readmeLines;

        Source(String name, String text, List<Integer> readmeLines) {
            super(URI.create("string:///" + name + ".java"), Kind.SOURCE);
            this.text = text;
            this.readmeLines = readmeLines;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
