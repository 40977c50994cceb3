package dev.falconharness.request;

import dev.falconharness.ValidationException;
import dev.falconharness.manifest.Parameter;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one call; allocates nothing until the first problem. Not thread-safe. */
final class Problems {
    private List<ValidationException.Problem> list;

    void add(Parameter parameter, String message) {
        add(parameter.name(), parameter.location().jsonName(), message);
    }

    void add(String parameter, String location, String message) {
        add(parameter, location, message, null);
    }

    /** A problem inside the body, at {@code pointer}. */
    void add(String parameter, String location, String message, String pointer) {
        if (list == null) {
            list = new ArrayList<>(2);
        }
        list.add(new ValidationException.Problem(parameter, location, message, pointer));
    }

    boolean isEmpty() {
        return list == null;
    }

    /** Throws a {@link ValidationException} listing every problem, if there is any. */
    void throwIfAny(String operationId) {
        if (list != null) {
            throw new ValidationException(operationId, list);
        }
    }
}
