package dev.falconharness.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What goes into the request beyond {@code name=value} arguments: body, files, extra headers, how the body
 * is checked; or a dry run.
 */
final class RequestOptions {
    @Option(names = "--body", paramLabel = "JSON|@FILE|@-",
            description = "The request body: JSON text, @file.json to read a file, or @- to read stdin.")
    String body;

    @Option(names = {"-F", "--file"}, paramLabel = "NAME=@PATH",
            description = "Upload a file as the form-data parameter NAME (repeatable).")
    List<String> files = new ArrayList<>();

    @Option(names = {"-H", "--header"}, paramLabel = "NAME=VALUE",
            description = "Add a request header (repeatable); 'Name: value' works too.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--content-type", paramLabel = "TYPE",
            description = "Send the body as TYPE, one of those the operation accepts (default: JSON when it "
                    + "accepts JSON); a non-JSON body is sent as given, byte for byte.")
    String contentType;

    @Option(names = "--body-check", paramLabel = "MODE",
            description = "Check the body against the operation's schema before sending: refuse (the default) "
                    + "stops a body that breaks it, warn prints the problems and sends it, off does not check.")
    String bodyCheck;

    @Option(names = {"-n", "--dry-run"},
            description = "Print the request that would be sent, and a curl command, without sending it.")
    boolean dryRun;

    static RequestOptions orDefault(RequestOptions options) {
        return options != null ? options : new RequestOptions();
    }
}
