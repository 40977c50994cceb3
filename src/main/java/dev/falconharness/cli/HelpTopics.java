package dev.falconharness.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The texts of {@code falcon help TOPIC}: what the options' one-line descriptions cannot hold. Each is
 * plain text of at most 100 columns; the man page carries them as sections.
 */
final class HelpTopics {
    static final String BODY = """
            Request bodies

            Arguments written name=value go to the query string, the path, a header or a form
            field, as the manifest says. A JSON object body can be built from its top-level fields:

              name=value          text, converted to the field's type: ids=a,b is an array,
                                  count=5 a number, enabled=true a boolean
              name:=JSON          a raw JSON value: roleIds:='["a","b"]'  count:=5  enabled:=true
                                  filter:='{"a": 1}'  note:=null (a bad JSON value is refused)

              falcon CreateUser uid=ana@example.com firstName=Ana lastName=Lima

            Or give the body whole (then no field arguments):

              --body '{"uid": "ana@example.com", "firstName": "Ana"}'    JSON text
              --body @user.json                                           a file
              --body @-                                                   stdin (e.g. from jq)

            'falcon describe OP' shows the body's fields as a tree; 'falcon describe OP
            --body-template > body.json' writes a skeleton with every required field to fill in
            (--all-fields adds the optional ones), ready for --body @body.json.

            The body is checked against the operation's schema before it is sent:
              --body-check=refuse   a body that breaks the schema is not sent; every problem is
                                    listed with its place in the body (the default)
              --body-check=warn     problems are printed as warnings and the body is sent anyway
              --body-check=off      no check (for a server that accepts what its spec does not say)
            'falcon batch' takes the same option for all its calls.

            An empty body (--body '' or nothing on stdin) is refused before anything is sent.
            Operations that take a file upload (multipart form) take --file NAME=@PATH instead;
            operations that take raw bytes (application/octet-stream) read them from --body @FILE.
            --dry-run shows the request that would be sent.
            """;

    static final String FQL = """
            FQL: the Falcon Query Language of filter= arguments

              filter=hostname:'web-01'                   equals (text in single quotes)
              filter=hostname:*'web-*'                   wildcard match
              filter=platform_name:!'Windows'            not equal
              filter=last_seen:>'2024-06-01'             >, >=, <, <= for numbers and dates
              filter=last_seen:>='now-7d'                relative dates: now-1h, now-7d...
              filter=status:['normal','contained']       any of a set
              filter=platform_name:'Linux'+status:'normal'    + is AND
              filter=platform_name:'Linux',platform_name:'Mac'  , is OR
              sort=last_seen.desc                        field.asc or field.desc

            Quote the whole argument for the shell: falcon QueryDevicesByFilter "filter=hostname:'web-01'".
            Which fields a filter takes is in 'falcon describe OP' (the filter parameter's description).
            """;

    static final String QUERY = """
            Output formats and queries

              --format json     the response as it came (the default; pretty on a terminal)
              --format jsonl    one compact JSON value per line: an envelope's resources, an array's items
              --format yaml     the response as YAML
              --format table    an aligned table of the resources, one row per record
              --format csv      the same as CSV (RFC 4180), for spreadsheets
              --columns id,name,device.hostname   the table's or CSV's columns (dotted paths reach in)

            --query applies a JMESPath expression (https://jmespath.org, as in aws-cli) first:
              falcon queryUserV1 --query 'resources[0]'
              falcon retrieveUsersGETV1 --body @ids.json --query 'resources[].uid' --format jsonl
              falcon GetRoles ids=a,b --query 'resources[?is_global].id'
            With --all, the query and the format apply to each record as it arrives.
            """;

    static final String ENVIRONMENT = """
            Environment

              FALCON_CLIENT_ID, FALCON_CLIENT_SECRET   the API client (or --client-id with
                                                       --client-secret-env NAME / --client-secret-file PATH)
              FALCON_MEMBER_CID     MSSP: act in this child customer (--member-cid)
              FALCON_CLOUD          us-1, us-2, us-3, eu-1, us-gov-1, us-gov-2 or auto (--cloud)
              FALCON_BASE_URL       send calls to this URL instead (--base-url)
              FALCON_BEARER_TOKEN   another API's bearer token (a manifest with "bearer" auth)
              FALCON_API_KEY        another API's key (a manifest with "apiKey" auth)
              FALCON_PROFILE        the profile of $XDG_CONFIG_HOME/falcon/config to use (--profile)
              FALCON_NO_TOKEN_CACHE=1   a token per command, revoked at exit (--no-token-cache)
              XDG_CONFIG_HOME       where falcon/config is (default ~/.config)
              XDG_CACHE_HOME        where falcon-harness/tokens is (default ~/.cache)
              FALCON_JAVA_OPTS      extra JVM flags for bin/falcon
            Options win over the environment; a profile named by --profile or FALCON_PROFILE wins
            over the FALCON_* variables, and [default] only fills in what they leave unset.
            """;

    private HelpTopics() {
    }

    /** Topic name to text, in the order {@code falcon help} lists them. */
    static Map<String, String> all() {
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put("body", BODY);
        topics.put("fql", FQL);
        topics.put("query", QUERY);
        topics.put("exit-codes", "Exit codes\n" + ExitCodes.HELP_FOOTER.stripLeading().replaceFirst("^Exit codes:\n", ""));
        topics.put("environment", ENVIRONMENT);
        return topics;
    }
}
