package dev.falconharness.cli;

import dev.falconharness.Version;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code falcon(1)} manual page in troff ({@code man} macros), built from picocli's command model
 * and the help topics, so it cannot drift from {@code --help}. Why not picocli-codegen's
 * {@code ManPageGenerator}: it writes AsciiDoc, which still needs Asciidoctor to become a man page, and
 * it would be one more dependency for one page.
 *
 * <pre>{@code
 * falcon help --man > falcon.1 && man ./falcon.1
 * }</pre>
 */
final class ManPage {
    private ManPage() {
    }

    static String render(CommandLine root) {
        CommandSpec spec = root.getCommandSpec();
        StringBuilder page = new StringBuilder();
        page.append(".TH FALCON 1 \"\" \"falcon-harness ").append(Version.get()).append("\" \"User Commands\"\n");
        section(page, "NAME");
        page.append("falcon \\- call any CrowdStrike Falcon API operation by its ID\n");
        section(page, "SYNOPSIS");
        for (String line : spec.usageMessage().customSynopsis()) {
            page.append(".br\n").append(escape(line.strip())).append('\n');
        }
        section(page, "DESCRIPTION");
        paragraphs(page, spec.usageMessage().description());
        options(page, spec);
        section(page, "COMMANDS");
        root.getSubcommands().forEach((name, sub) -> command(page, name, sub.getCommandSpec()));
        for (Map.Entry<String, String> topic : HelpTopics.all().entrySet()) {
            topic(page, topic.getValue());
        }
        section(page, "SEE ALSO");
        page.append("falcon help TOPIC, falcon describe OperationId, falcon operations \\-\\-search TEXT\n");
        return page.toString();
    }

    private static void options(StringBuilder page, CommandSpec spec) {
        section(page, "OPTIONS");
        for (ArgGroupSpec group : spec.argGroups()) {
            page.append(".SS ").append(escape(group.heading().replace("%n", "").replace(":", "").strip())).append('\n');
            group.options().forEach(option -> option(page, option));
        }
        for (OptionSpec option : spec.options()) {
            if (option.group() == null) {
                option(page, option);
            }
        }
    }

    private static void option(StringBuilder page, OptionSpec option) {
        if (option.hidden()) {
            return;
        }
        String label = option.arity().max() > 0 ? " " + option.paramLabel() : "";
        page.append(".TP\n\\fB").append(escape(String.join(", ", option.names()))).append("\\fR")
                .append(escape(label)).append('\n');
        page.append(escape(String.join(" ", option.description()))).append('\n');
    }

    private static void command(StringBuilder page, String name, CommandSpec sub) {
        if (sub.usageMessage().hidden()) {
            return;
        }
        page.append(".SS falcon ").append(escape(name)).append('\n');
        paragraphs(page, sub.usageMessage().description());
        for (OptionSpec option : sub.options()) {
            if (!option.usageHelp() && !option.versionHelp()) {
                option(page, option);
            }
        }
    }

    /** A help topic: its first line is the section title, the rest is kept as laid out. */
    private static void topic(StringBuilder page, String text) {
        List<String> lines = text.strip().lines().toList();
        section(page, lines.get(0).toUpperCase(java.util.Locale.ROOT));
        page.append(".nf\n");
        lines.subList(1, lines.size()).forEach(line -> page.append(escape(line)).append('\n'));
        page.append(".fi\n");
    }

    private static void paragraphs(StringBuilder page, String[] lines) {
        for (String line : lines) {
            page.append(line.isBlank() ? ".PP\n" : escape(line.replace("%n", "")) + "\n");
        }
    }

    private static void section(StringBuilder page, String title) {
        page.append(".SH ").append(title).append('\n');
    }

    /** troff's special characters: backslashes, leading dots and quotes, and minus signs in options. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }
}
