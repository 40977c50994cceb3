package dev.falconharness.manifest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks an operation's path template against its path parameters, both ways. */
final class PathTemplateCheck {
    private final ManifestLoader.OperationReader operation;

    PathTemplateCheck(ManifestLoader.OperationReader operation) {
        this.operation = operation;
    }

    void check(String path, List<Parameter> parameters) {
        if (!path.startsWith("/")) {
            operation.problem("/path", "must start with '/': \"" + path + "\"");
        }
        if (path.contains("?") || path.contains("#")) {
            operation.problem("/path", "must not contain a query or fragment; declare query parameters instead");
        }
        Set<String> placeholders;
        try {
            placeholders = new HashSet<>(PathTemplate.parse(path).placeholders());
        } catch (IllegalArgumentException e) {
            operation.problem("/path", e.getMessage());
            return;
        }
        Set<String> pathParameters = new HashSet<>();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            if (p.location() != Location.PATH) {
                continue;
            }
            pathParameters.add(p.name());
            if (!placeholders.contains(p.name())) {
                operation.problem("/parameters", "path parameter \"" + p.name() + "\" has no {" + p.name()
                        + "} placeholder in path " + path);
            }
        }
        for (String name : placeholders) {
            if (!pathParameters.contains(name)) {
                operation.problem("/path", "placeholder {" + name + "} has no parameter with \"in\": \"path\" and \"name\": \""
                        + name + "\"");
            }
        }
    }
}
