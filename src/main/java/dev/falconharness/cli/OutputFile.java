package dev.falconharness.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Checks {@code --output PATH} before the call is sent: a download that cannot be saved should not
 * spend an API call first. It also catches the aws-cli habit of {@code -o table}, which here would
 * quietly write a file named {@code table}.
 */
final class OutputFile {
    /** The names that are {@code --format} values, not files anyone means to write. */
    static final Set<String> FORMAT_NAMES = Set.of("json", "jsonl", "yaml", "yml", "table", "csv", "text");

    private OutputFile() {
    }

    /** Throws a usage failure saying what to type instead; null and "-" (stdout) pass. */
    static void check(String output) {
        check(output, "--output");
    }

    /** As {@link #check(String)}, for an option of another name ({@code manifest import --out}). */
    static void check(String output, String option) {
        if (output == null || output.equals("-")) {
            return;
        }
        if (FORMAT_NAMES.contains(output)) {
            throw CommandFailure.usage(option + " writes to a file, here one named \"" + output
                    + "\"; did you mean --format " + output + "? (To write that file, say " + option + " ./" + output + ")");
        }
        Path file = Path.of(output).toAbsolutePath();
        if (Files.isDirectory(file)) {
            throw CommandFailure.usage(option + " " + output + " is a directory; give a file name, e.g. " + option + " "
                    + Path.of(output).resolve("response.bin"));
        }
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw CommandFailure.usage(option + " " + output + ": the directory " + dir + " does not exist; create it "
                    + "first (mkdir -p " + dir + ") or choose another path");
        }
        if (!Files.isWritable(dir) || Files.exists(file) && !Files.isWritable(file)) {
            throw CommandFailure.usage(option + " " + output + ": cannot write there (permission denied); choose another path");
        }
    }
}
