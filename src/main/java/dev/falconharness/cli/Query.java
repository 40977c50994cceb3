package dev.falconharness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.jackson.JacksonRuntime;
import io.burt.jmespath.parser.ParseException;

/**
 * {@code --query EXPR}: a JMESPath expression (the language of aws-cli's {@code --query}) applied to the
 * JSON result before it is formatted, e.g. {@code --query 'resources[].uid'}. Compiled once, before
 * anything is sent, so a typo costs no API call. Immutable and thread-safe.
 */
final class Query {
    private final Expression<JsonNode> expression;
    private final String text;

    private Query(Expression<JsonNode> expression, String text) {
        this.expression = expression;
        this.text = text;
    }

    /** Compiles {@code text}, or fails with a usage error that shows where it is wrong. */
    static Query compile(String text) {
        JmesPath<JsonNode> jmesPath = new JacksonRuntime();
        try {
            return new Query(jmesPath.compile(text), text);
        } catch (ParseException e) {
            throw CommandFailure.usage("--query " + text + ": not a JMESPath expression (" + e.getMessage().strip()
                    + "); e.g. --query 'resources[].uid' (see https://jmespath.org)");
        }
    }

    /** The part of {@code value} the expression selects; JSON null when nothing matches. */
    JsonNode apply(JsonNode value) {
        try {
            return expression.search(value);
        } catch (RuntimeException e) {
            throw CommandFailure.usage("--query " + text + ": " + e.getMessage());
        }
    }
}
