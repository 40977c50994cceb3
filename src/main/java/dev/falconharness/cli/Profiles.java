package dev.falconharness.cli;

import dev.falconharness.manifest.Suggestions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Named profiles in {@code $XDG_CONFIG_HOME/falcon/config} (default {@code ~/.config/falcon/config}),
 * INI style:
 * <pre>
 * [default]
 * cloud = eu-1
 * client_id = 0a1b2c...
 * client_secret_command = pass show falcon/eu     # or client_secret_env = NAME, client_secret_file = PATH
 *
 * [mssp-child]
 * client_id = ...
 * client_secret_env = FALCON_MSSP_SECRET
 * member_cid = 1234...
 * manifest = /opt/apis/tickets.json
 * </pre>
 * {@code --profile NAME} or {@code FALCON_PROFILE} selects one, and then its values win over the
 * {@code FALCON_*} variables; without either, {@code [default]} is used where the variables say
 * nothing. Options always win. The secret itself is never in the file: a {@code client_secret} key is
 * refused. Immutable.
 */
final class Profiles {
    /** Each key and the environment variable it stands for. */
    private static final Map<String, String> VARIABLES = Map.of("cloud", "FALCON_CLOUD", "base_url", "FALCON_BASE_URL",
            "client_id", "FALCON_CLIENT_ID", "member_cid", "FALCON_MEMBER_CID");
    private static final Set<String> SECRET_SOURCES = Set.of("client_secret_env", "client_secret_file", "client_secret_command");
    private static final long SECRET_COMMAND_SECONDS = 60;

    private final Path file;
    private final Map<String, Map<String, String>> profiles;

    private Profiles(Path file, Map<String, Map<String, String>> profiles) {
        this.file = file;
        this.profiles = profiles;
    }

    static Path file(Io io) {
        String xdg = io.env("XDG_CONFIG_HOME");
        String home = io.env("HOME") != null ? io.env("HOME") : System.getProperty("user.home");
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".config");
        return base.resolve("falcon").resolve("config");
    }

    /** The user's profiles; none when the file does not exist. */
    static Profiles load(Io io) {
        Path file = file(io);
        if (!Files.isRegularFile(file)) {
            return new Profiles(file, Map.of());
        }
        try {
            return new Profiles(file, parse(file, Files.readAllLines(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw CommandFailure.usage("cannot read the profiles in " + file + ": " + e.getMessage());
        }
    }

    static Map<String, Map<String, String>> parse(Path file, List<String> lines) {
        Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = file + ":" + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = profiles.computeIfAbsent(line.substring(1, line.length() - 1).strip(), name -> new LinkedHashMap<>());
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0 || current == null) {
                throw CommandFailure.usage(where + (current == null ? "a [profile] line must come first"
                        : "expected key = value, got \"" + line + "\""));
            }
            String key = line.substring(0, equals).strip();
            checkKey(where, key);
            current.put(key, line.substring(equals + 1).strip());
        }
        return profiles;
    }

    private static void checkKey(String where, String key) {
        if (key.equals("client_secret")) {
            throw CommandFailure.usage(where + "client_secret is not allowed: the config file must not hold the secret. "
                    + "Say where to read it instead: client_secret_env = VARIABLE, client_secret_file = PATH, or "
                    + "client_secret_command = COMMAND (e.g. pass show falcon)");
        }
        if (!VARIABLES.containsKey(key) && !SECRET_SOURCES.contains(key) && !key.equals("manifest")) {
            List<String> known = new java.util.ArrayList<>(VARIABLES.keySet());
            known.addAll(SECRET_SOURCES);
            known.add("manifest");
            List<String> close = Suggestions.closest(key, known, 2);
            throw CommandFailure.usage(where + "unknown key \"" + key + "\"" + (close.isEmpty() ? "" : "; did you mean "
                    + String.join(" or ", close) + "?") + " Keys: " + String.join(", ", known.stream().sorted().toList()));
        }
    }

    /** The selected profile's settings: {@code --profile}, else FALCON_PROFILE, else [default] if any. */
    Map<String, String> selected(String option, Io io) {
        String name = option != null ? option : io.env("FALCON_PROFILE");
        if (name == null) {
            return profiles.getOrDefault("default", Map.of());
        }
        Map<String, String> profile = profiles.get(name);
        if (profile == null) {
            throw CommandFailure.usage("no profile \"" + name + "\" in " + file + (profiles.isEmpty() ? " (the file has none)"
                    : "; it has " + String.join(", ", profiles.keySet())));
        }
        return profile;
    }

    /** The profile names, for completion. */
    java.util.Set<String> names() {
        return profiles.keySet();
    }

    /**
     * The environment with the selected profile applied: its values replace the variables when the
     * profile was named, and fill in unset ones for {@code [default]}. The secret is read here, from
     * where the profile says, into FALCON_CLIENT_SECRET of this copy only.
     */
    static Io apply(Io io, String option) {
        Profiles all = load(io);
        Map<String, String> profile = all.selected(option, io);
        if (profile.isEmpty()) {
            return io;
        }
        boolean named = option != null || io.env("FALCON_PROFILE") != null;
        Map<String, String> env = new HashMap<>(io.environment());
        profile.forEach((key, value) -> {
            String variable = VARIABLES.get(key);
            if (variable != null && (named || io.env(variable) == null)) {
                env.put(variable, value);
            }
        });
        if (named || io.env("FALCON_CLIENT_SECRET") == null) {
            String secret = secret(all.file, profile, io);
            if (secret != null) {
                env.put("FALCON_CLIENT_SECRET", secret);
            }
        }
        return new Io(env, io.stdin(), io.stdout(), io.terminal(), io.stderrTerminal());
    }

    /** The profile's manifest, or null. */
    static Path manifest(Io io, String option) {
        String manifest = load(io).selected(option, io).get("manifest");
        return manifest == null ? null : Path.of(manifest.startsWith("~/") ? System.getProperty("user.home") + manifest.substring(1) : manifest);
    }

    private static String secret(Path file, Map<String, String> profile, Io io) {
        if (profile.containsKey("client_secret_env")) {
            String name = profile.get("client_secret_env");
            String secret = io.env(name);
            if (secret == null) {
                throw CommandFailure.auth("No client secret: the profile in " + file + " reads it from $" + name + ", which is not set");
            }
            return secret;
        }
        if (profile.containsKey("client_secret_file")) {
            Path path = Path.of(profile.get("client_secret_file"));
            try {
                return firstLine(Files.readString(path), "the file " + path);
            } catch (IOException e) {
                throw CommandFailure.auth("No client secret: cannot read " + path + " (named by client_secret_file in " + file + ")");
            }
        }
        return profile.containsKey("client_secret_command") ? run(file, profile.get("client_secret_command")) : null;
    }

    /** Runs the secret command through {@code sh -c}; stderr goes to the user (a password prompt, say). */
    private static String run(Path file, String command) {
        try {
            Process process = new ProcessBuilder("sh", "-c", command).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .redirectInput(ProcessBuilder.Redirect.INHERIT).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(SECRET_COMMAND_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw CommandFailure.auth("No client secret: client_secret_command in " + file + " failed"
                        + (process.isAlive() ? " to finish" : " with exit " + process.exitValue()));
            }
            return firstLine(new String(output, StandardCharsets.UTF_8), "client_secret_command");
        } catch (IOException e) {
            throw CommandFailure.auth("No client secret: cannot run client_secret_command in " + file + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CommandFailure.auth("No client secret: interrupted while client_secret_command ran");
        }
    }

    private static String firstLine(String text, String source) {
        String line = text.strip().lines().findFirst().orElse("").strip();
        if (line.isEmpty()) {
            throw CommandFailure.auth("No client secret: " + source + " gave nothing");
        }
        return line;
    }
}
