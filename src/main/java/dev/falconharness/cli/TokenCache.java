package dev.falconharness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Access tokens kept between invocations, so that a shell loop of single calls shares one token rather
 * than requesting and revoking one per call. One file per API client, cloud or base URL, and member CID
 * under {@code $XDG_CACHE_HOME/falcon-harness/tokens} (default {@code ~/.cache}), readable only by the
 * user (0600, in a 0700 directory). The file holds the token, never the client secret; but whoever can
 * read it can use the token until it expires (at most 30 minutes), which is why the cache can be turned
 * off ({@code --no-token-cache}, {@code FALCON_NO_TOKEN_CACHE=1}). Writes are atomic (a temporary file
 * renamed), so concurrent invocations see a whole entry or none.
 */
final class TokenCache {
    /** A token is reused only while it has at least this long left: a call must not start with a dying token. */
    static final long MARGIN_SECONDS = 120;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path directory;

    TokenCache(Path directory) {
        this.directory = directory;
    }

    /** The cache of this environment's user. */
    static TokenCache of(Io io) {
        String xdg = io.env("XDG_CACHE_HOME");
        String home = io.env("HOME") != null ? io.env("HOME") : System.getProperty("user.home");
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".cache");
        return new TokenCache(base.resolve("falcon-harness").resolve("tokens"));
    }

    /** Whether the cache is on: {@code FALCON_NO_TOKEN_CACHE} set to anything but 0/false turns it off. */
    static boolean enabled(Io io, boolean optionOff) {
        String off = io.env("FALCON_NO_TOKEN_CACHE");
        return !optionOff && (off == null || off.equals("0") || off.equalsIgnoreCase("false"));
    }

    Path directory() {
        return directory;
    }

    /**
     * One cached token.
     *
     * @param clientId  the API client it was issued to
     * @param where     the cloud name or base URL the user gave ({@code auto} when none)
     * @param memberCid the MSSP member CID, or null
     * @param baseUrl   where calls with it go (after region discovery)
     * @param token     the token
     * @param expiresAt when the server stops accepting it
     */
    record Entry(String clientId, String where, String memberCid, String baseUrl, String token, Instant expiresAt) {
        boolean usableAt(Instant now) {
            return now.plusSeconds(MARGIN_SECONDS).isBefore(expiresAt);
        }

        /** No token in it: what {@code falcon auth status} shows. */
        @Override
        public String toString() {
            return clientId + " at " + baseUrl + (memberCid == null ? "" : " (member " + memberCid + ")") + ", expires " + expiresAt;
        }
    }

    /** The file name for a client, place and member: a hash, so the directory listing shows no client IDs. */
    static String key(String clientId, String where, String memberCid) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((clientId + "\n" + where + "\n"
                    + (memberCid == null ? "" : memberCid)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16) + ".json";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The entry under {@code key}, or null when there is none or it cannot be read. */
    Entry read(String key) {
        Path file = directory.resolve(key);
        try {
            JsonNode json = MAPPER.readTree(Files.readString(file));
            return new Entry(json.path("client_id").asText(), json.path("where").asText(),
                    json.hasNonNull("member_cid") ? json.get("member_cid").asText() : null, json.path("base_url").asText(),
                    json.path("access_token").asText(), Instant.ofEpochSecond(json.path("expires_at").asLong()));
        } catch (IOException | RuntimeException e) {
            // Missing, half-written by an older version, or unreadable: fetch a new token.
            return null;
        }
    }

    /** Stores an entry; a cache that cannot be written only costs the next invocation a token request. */
    void write(String key, Entry entry) {
        ObjectNode json = MAPPER.createObjectNode().put("client_id", entry.clientId()).put("where", entry.where())
                .put("member_cid", entry.memberCid()).put("base_url", entry.baseUrl())
                .put("access_token", entry.token()).put("expires_at", entry.expiresAt().getEpochSecond());
        try {
            createPrivateDirectory();
            Path temporary = Files.createTempFile(directory, ".token", ".tmp");
            restrict(temporary, "rw-------");
            Files.writeString(temporary, json.toString());
            try {
                Files.move(temporary, directory.resolve(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, directory.resolve(key), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // Best effort, see above.
        }
    }

    /** Forgets the entry; true when there was one. */
    boolean delete(String key) {
        try {
            return Files.deleteIfExists(directory.resolve(key));
        } catch (IOException e) {
            return false;
        }
    }

    /** Every entry with its key, for {@code falcon auth status} and {@code logout --all}. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return keys;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".json")).sorted().forEach(keys::add);
        } catch (IOException e) {
            // An unreadable cache directory lists as empty.
        }
        return keys;
    }

    private void createPrivateDirectory() throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            restrict(directory, "rwx------");
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
