package dev.falconharness;

import java.util.Locale;
import java.util.Optional;

/**
 * The Falcon API regions and their hosts. Names are matched case-insensitively, with or without the
 * dash ({@code US-2}, {@code us2}); {@code auto} means us-1 with region discovery.
 *
 * <pre>{@code
 * Cloud.parse("usgov1")        // Optional[US_GOV_1]
 * Cloud.EU_1.baseUrl()         // https://api.eu-1.crowdstrike.com
 * }</pre>
 */
public enum Cloud {
    US_1("us-1", "api.crowdstrike.com"),
    US_2("us-2", "api.us-2.crowdstrike.com"),
    US_3("us-3", "api.us-3.crowdstrike.com"),
    EU_1("eu-1", "api.eu-1.crowdstrike.com"),
    US_GOV_1("us-gov-1", "api.laggar.gcw.crowdstrike.com"),
    US_GOV_2("us-gov-2", "api.us-gov-2.crowdstrike.mil");

    private final String regionName;
    private final String host;

    Cloud(String regionName, String host) {
        this.regionName = regionName;
        this.host = host;
    }

    /** The region name Falcon uses, e.g. {@code us-gov-1} (as in the {@code X-Cs-Region} header). */
    public String regionName() {
        return regionName;
    }

    public String host() {
        return host;
    }

    /** {@code https://} and the host, no trailing slash. */
    public String baseUrl() {
        return "https://" + host;
    }

    /** The cloud named {@code name} ({@code auto} is us-1), or empty if no cloud has that name. */
    public static Optional<Cloud> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = normalize(name);
        if (wanted.equals("auto")) {
            return Optional.of(US_1);
        }
        for (Cloud cloud : values()) {
            if (normalize(cloud.regionName).equals(wanted)) {
                return Optional.of(cloud);
            }
        }
        return Optional.empty();
    }

    /** True for "auto" and us-1: the clouds from which region discovery may move a client. */
    public static boolean allowsDiscovery(String name) {
        String n = normalize(name);
        return n.equals("auto") || n.equals("us1");
    }

    private static String normalize(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** The known names, for messages. */
    static String names() {
        StringBuilder out = new StringBuilder("auto");
        for (Cloud cloud : values()) {
            out.append(", ").append(cloud.regionName);
        }
        return out.toString();
    }
}
