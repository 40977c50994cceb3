package dev.falconharness.cli;

import dev.falconharness.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code falcon}: calls any operation of the manifest by its ID, and holds the subcommands that list,
 * describe and complete operations. Picocli cannot know 1,508 operation IDs as subcommands, so the ID
 * is the first positional parameter; a subcommand name wins over an ID of the same name, and such an
 * ID can still be called with {@code falcon call}.
 *
 * <pre>{@code
 * int exit = FalconCommand.commandLine().execute("GetRoles", "ids=falcon_admin", "--pretty");
 * }</pre>
 *
 * <p>Output goes through picocli's writers ({@code setOut}/{@code setErr}); the environment, stdin,
 * raw stdout and the terminal check come from {@link Io}, which tests replace. Not thread-safe: one
 * instance per execution.
 */
@Command(name = "falcon",
        mixinStandardHelpOptions = true,
        versionProvider = FalconCommand.VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        customSynopsis = {
            "falcon [OPTIONS] <OperationId> [name=value...]",
            "       falcon <COMMAND> [ARGS]"},
        commandListHeading = "%nCommands:%n",
        description = {
            "Call any CrowdStrike Falcon API operation by its ID.",
            "",
            "Arguments are name=value; the manifest routes each to the query, path, header",
            "or form. Repeat a name (ids=a ids=b) or use commas (ids=a,b) for arrays.",
            "The response body goes to stdout as JSON; the status line and errors to stderr.",
            ""},
        footerHeading = "%nCredentials (environment):%n",
        footer = {
            "  FALCON_CLIENT_ID, FALCON_CLIENT_SECRET   the API client (or --client-id",
            "                                           with --client-secret-env/-file)",
            "  FALCON_MEMBER_CID, FALCON_CLOUD, FALCON_BASE_URL   optional",
            "  FALCON_PROFILE   a profile of ~/.config/falcon/config (--profile)",
            "",
            "Examples:",
            "  falcon --sandbox GetAvailableRoleIds",
            "  falcon GetRoles ids=falcon_admin,remote_responder | jq .resources",
            "  falcon CreateUser --body '{\"uid\": \"ana@example.com\"}'",
            "  falcon UploadSampleV2 --file sample=@app.exe file_name=app.exe",
            "  falcon GetSampleV3 ids=<sha256> --output sample.bin",
            "  falcon describe GetRoles",
            "  falcon operations --search 'host group'",
            "  falcon queryUserV1 --all --format csv > users.csv",
            "  falcon batch calls.jsonl --parallel 8",
            "",
            "More: falcon help OperationId | body | fql | query | exit-codes | environment;",
            "falcon help --man > falcon.1 writes the manual page.",
            ExitCodes.HELP_FOOTER})
public final class FalconCommand implements Callable<Integer> {
    /** The subcommands, in the order help lists them; {@link #commandLine} adds them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(CallCommand.class, OperationsCommand.class,
            DescribeCommand.class, CompletionCommand.class, SandboxCommand.class, ManifestCommand.class,
            BatchCommand.class, AuthCommand.class, HelpCommand.class, CompleteCommand.class);
    /** The names of {@link #SUBCOMMANDS} that help lists (a test holds this to the classes' annotations). */
    static final List<String> COMMANDS = List.of("call", "operations", "describe", "completion", "sandbox", "manifest",
            "batch", "auth", "help");
    /** The name of the hidden subcommand that shell completion calls. */
    static final String COMPLETE = "__complete";
    /** Arguments that print help, which lists the subcommands. */
    private static final Set<String> HELP = Set.of("-h", "--help");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "OperationId",
            description = "The operation to call (case-sensitive); see 'falcon operations'.")
    String operationId;

    @Parameters(index = "1..*", paramLabel = "name=value", description = "Arguments of the operation.")
    List<String> arguments = new ArrayList<>();

    @Mixin
    CallOptions options;

    private Io io = Io.system();

    /** This command with the process's streams and every subcommand. */
    public static CommandLine commandLine() {
        return commandLine(new FalconCommand());
    }

    /** A configured command line around {@code command} (tests pass one with their own {@link Io}). */
    public static CommandLine commandLine(FalconCommand command) {
        return commandLine(command, true, false);
    }

    /**
     * The command line {@code main} runs for these arguments. Picocli reads every subcommand's
     * annotations when it is added, about 15 ms of a cold start, so they are added only when an argument
     * could name one or asks for help (which lists them); a call by operation ID parses exactly as it
     * would with them, since it names none.
     */
    public static CommandLine commandLineFor(FalconCommand command, String... args) {
        boolean subcommands = args.length == 0;
        for (String arg : args) {
            subcommands |= COMMANDS.contains(arg) || arg.equals(COMPLETE) || HELP.contains(arg);
        }
        return commandLine(command, subcommands, debug(args));
    }

    /** {@code --debug} anywhere before {@code --}. */
    private static boolean debug(String... args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--debug")) {
                return true;
            }
        }
        return false;
    }

    private static CommandLine commandLine(FalconCommand command, boolean withSubcommands, boolean debug) {
        CommandLine commandLine = new CommandLine(command);
        if (withSubcommands) {
            for (Class<?> subcommand : SUBCOMMANDS) {
                commandLine.addSubcommand(subcommand);
            }
        }
        // Set after the subcommands are added: picocli passes these settings down only to those present.
        Failures failures = new Failures(debug, () -> command.io().stderrTerminal());
        return commandLine
                // "--body @file.json" is ours to read; picocli would otherwise expand @file into arguments.
                .setExpandAtFiles(false)
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures);
    }

    /**
     * Runs {@code commandLine} (from {@link #commandLineFor}) on {@code args} as a person meant them:
     * options before a command apply to it, and {@code falcon OP --help} describes OP
     * ({@link ArgumentOrder}).
     */
    public static int execute(CommandLine commandLine, String... args) {
        return commandLine.execute(ArgumentOrder.rewrite(commandLine, args));
    }

    /** Replaces the environment and streams; returns this command. */
    public FalconCommand io(Io newIo) {
        this.io = Objects.requireNonNull(newIo, "io");
        return this;
    }

    Io io() {
        return io;
    }

    /** {@code --profile} as given to falcon itself (before a command), or null. */
    String profile() {
        return options != null && options.connection != null ? options.connection.profile : null;
    }

    @Override
    public Integer call() {
        if (operationId == null) {
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCodes.USAGE;
        }
        return options.call(spec.commandLine(), io).run(operationId, arguments);
    }

    /** {@code falcon --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"falcon-harness " + Version.get()};
        }
    }
}
