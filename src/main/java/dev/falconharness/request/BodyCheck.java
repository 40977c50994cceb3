package dev.falconharness.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.falconharness.BodyValidation;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.Parameter;
import dev.falconharness.schema.Schema;
import dev.falconharness.schema.SchemaProblem;
import dev.falconharness.schema.SchemaValidator;
import java.io.File;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks a JSON body against its operation's schema, before anything is sent, and refuses, warns or
 * stays silent as {@link BodyValidation} says. Raw bodies ({@code byte[]}, files) are not JSON and are
 * not checked. Immutable and thread-safe.
 */
final class BodyCheck {
    private static final System.Logger LOG = System.getLogger(RequestFactory.class.getName());

    private final SchemaValidator validator;
    private final ObjectReader reader;
    private final BodyValidation mode;

    BodyCheck(SchemaValidator validator, ObjectReader reader, BodyValidation mode) {
        this.validator = validator;
        this.reader = reader;
        this.mode = mode;
    }

    void check(Operation op, Parameter p, Schema schema, Object body, Problems problems) {
        if (mode == BodyValidation.OFF || schema == null || isRaw(body)) {
            return;
        }
        Object value = body;
        if (body instanceof CharSequence text) {
            try {
                value = reader.readTree(text.toString());
            } catch (JsonProcessingException e) {
                return; // the encoder has already reported the broken JSON
            }
        }
        if (validator.isValid(schema, value)) {
            return;
        }
        List<SchemaProblem> found = validator.validate(schema, value, p.name(), op.id() + "'s " + p.name());
        for (SchemaProblem problem : found) {
            if (mode == BodyValidation.REFUSE) {
                problems.add(problem.path(), p.location().jsonName(), problem.message(), problem.pointer());
            } else {
                LOG.log(Level.WARNING, () -> op.id() + ": sending the body anyway (BodyValidation.WARN): "
                        + problem.path() + ": " + problem.message());
            }
        }
    }

    private static boolean isRaw(Object body) {
        return body instanceof byte[] || body instanceof Path || body instanceof File || body instanceof FilePart;
    }
}
