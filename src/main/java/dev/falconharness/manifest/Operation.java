package dev.falconharness.manifest;

import dev.falconharness.schema.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One API operation of a {@link Manifest}: its ID, HTTP method, path template and parameters.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * Operation op = Operation.builder("GetRoles", "GET", "/user-roles/entities/user-roles/v1")
 *         .collection("user_management")
 *         .parameter(Parameter.builder("ids", Location.QUERY).type(ParamType.ARRAY).required(true).build())
 *         .build();
 * }</pre>
 *
 * <p>The path template names its placeholders in braces ({@code /objects/{object_key}}); each must be a
 * {@link Location#PATH} parameter. That rule, and every other, is checked by {@link ManifestLoader}.
 */
public final class Operation {
    private final String id;
    private final String method;
    private final String path;
    private final String collection;
    private final String summary;
    private final String description;
    private final boolean deprecated;
    private final String replacedBy;
    private final String consumes;
    private final List<String> consumesAll;
    private final List<String> produces;
    private final List<java.util.Set<String>> security;
    private final List<Parameter> parameters;
    private final Map<String, Parameter> parametersByName;
    private final String source;
    private final boolean unpublished;
    private final Map<String, ResponseSpec> responses;

    private Operation(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.method = Objects.requireNonNull(b.method, "method");
        this.path = Objects.requireNonNull(b.path, "path");
        this.collection = b.collection;
        this.summary = b.summary;
        this.description = b.description;
        this.deprecated = b.deprecated;
        this.replacedBy = b.replacedBy;
        this.consumesAll = List.copyOf(b.consumesAll);
        this.consumes = b.consumesAll.isEmpty() ? null : dev.falconharness.http.MediaTypes.preferredRequestType(b.consumesAll);
        this.produces = List.copyOf(b.produces);
        this.security = b.security == null ? null : Security.copy(b.security);
        this.parameters = List.copyOf(b.parameters);
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            byName.putIfAbsent(p.name(), p);
        }
        this.parametersByName = Collections.unmodifiableMap(byName);
        this.source = b.source;
        this.unpublished = b.unpublished;
        this.responses = Collections.unmodifiableMap(new LinkedHashMap<>(b.responses));
    }

    public static Builder builder(String id, String method, String path) {
        return new Builder(id, method, path);
    }

    /** The operation ID, exactly as the manifest spells it (IDs are case-sensitive). */
    public String id() { return id; }
    /** The HTTP method, upper-case. */
    public String method() { return method; }
    /** The path template, e.g. {@code /customobjects/v1/collections/{collection_name}}. */
    public String path() { return path; }
    /** The service collection the operation belongs to (e.g. {@code user_management}), or null. */
    public String collection() { return collection; }
    /** A one-line description for listings, or null. */
    public String summary() { return summary; }
    /** The full description, or the summary when the manifest gives no longer one; may be null. */
    public String description() { return description != null ? description : summary; }
    public boolean deprecated() { return deprecated; }
    /** The ID of the operation to use instead of this deprecated one, or null. */
    public String replacedBy() { return replacedBy; }
    /**
     * The request content type sent by default, or null to infer it from the parameters and the body
     * (JSON for a body, multipart for form data with files, URL-encoded for other form data). Of several
     * declared types: {@code application/json}, else another JSON type ({@code application/merge-patch+json}),
     * else null when a wildcard ({@code *}{@code /*}) is declared, else the first declared.
     */
    public String consumes() { return consumes; }

    /** Every request content type the manifest declares, as written (possibly wildcards); empty when none. */
    public List<String> consumesAll() { return consumesAll; }

    /**
     * The response content types the manifest declares (format 2 {@code produces}), as written; empty when
     * none (the harness then asks for JSON).
     */
    public List<String> produces() { return produces; }

    /**
     * The operation's own security requirement (format 2): alternatives, each a set of scheme names of the
     * manifest's {@code securitySchemes}; empty for "no credentials"; null when it follows the manifest's.
     * See {@link Security#requirementOf(Operation)}.
     */
    public List<java.util.Set<String>> security() { return security; }
    public List<Parameter> parameters() { return parameters; }
    /** The parameter named {@code name} (case-sensitive), or null. */
    public Parameter parameter(String name) { return parametersByName.get(name); }
    /** Where the operation was defined (a file or resource name), for messages; may be null. */
    public String source() { return source; }

    /**
     * True when the operation is in the older operation table but gone from the newer published spec
     * (manifest format 2): it still works for some accounts and is kept, but may be withdrawn.
     */
    public boolean unpublished() { return unpublished; }

    /** The body parameter, if the operation takes a body. */
    public Optional<Parameter> bodyParameter() {
        for (Parameter p : parameters) {
            if (p.location() == Location.BODY) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The schema of the request body (manifest format 2), if declared. */
    public Optional<Schema> bodySchema() {
        return bodyParameter().flatMap(Parameter::schema);
    }

    /** The documented responses by status code ({@code "200"}) or {@code "default"}, in manifest order. */
    public Map<String, ResponseSpec> responses() { return responses; }

    /**
     * The body schema documented for {@code status}: that code's, else {@code default}'s; empty when
     * neither is documented or the documented response has no body.
     */
    public Optional<Schema> responseSchema(int status) {
        ResponseSpec spec = responses.get(Integer.toString(status));
        if (spec == null) {
            spec = responses.get("default");
        }
        return spec == null ? Optional.empty() : spec.schema();
    }

    /** True when the operation has a parameter in {@code location}. */
    public boolean has(Location location) {
        for (Parameter p : parameters) {
            if (p.location() == location) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "Operation{" + id + " " + method + " " + path + "}";
    }

    /** Builds {@link Operation}s. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String method;
        private final String path;
        private String collection;
        private String summary;
        private String description;
        private boolean deprecated;
        private String replacedBy;
        private final List<String> consumesAll = new ArrayList<>();
        private final List<String> produces = new ArrayList<>();
        private List<java.util.Set<String>> security;
        private final List<Parameter> parameters = new ArrayList<>();
        private String source;
        private boolean unpublished;
        private final Map<String, ResponseSpec> responses = new LinkedHashMap<>();

        private Builder(String id, String method, String path) {
            this.id = id;
            this.method = method;
            this.path = path;
        }

        public Builder collection(String collection) { this.collection = collection; return this; }
        public Builder summary(String summary) { this.summary = summary; return this; }
        public Builder description(String description) { this.description = description; return this; }
        public Builder deprecated(boolean deprecated) { this.deprecated = deprecated; return this; }
        public Builder replacedBy(String replacedBy) { this.replacedBy = replacedBy; return this; }
        /** One request content type; null declares none. Replaces earlier ones. */
        public Builder consumes(String consumes) {
            consumesAll.clear();
            if (consumes != null) {
                consumesAll.add(consumes);
            }
            return this;
        }
        /** The request content types the operation accepts, in declared order. Replaces earlier ones. */
        public Builder consumes(List<String> types) { consumesAll.clear(); consumesAll.addAll(types); return this; }
        /** The response content types the operation answers with, in declared order. Replaces earlier ones. */
        public Builder produces(List<String> types) { produces.clear(); produces.addAll(types); return this; }
        /** The operation's own security requirement; an empty list for none; null to follow the manifest's. */
        public Builder security(List<java.util.Set<String>> requirement) { this.security = requirement; return this; }
        public Builder parameter(Parameter parameter) { parameters.add(parameter); return this; }
        public Builder parameters(List<Parameter> list) { parameters.addAll(list); return this; }
        public Builder source(String source) { this.source = source; return this; }
        public Builder unpublished(boolean unpublished) { this.unpublished = unpublished; return this; }
        /** Adds a documented response; a second one for the same status replaces the first. */
        public Builder response(ResponseSpec response) { responses.put(response.status(), response); return this; }

        public Operation build() {
            return new Operation(this);
        }
    }
}
