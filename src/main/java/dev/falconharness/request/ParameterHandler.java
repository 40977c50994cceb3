package dev.falconharness.request;

import dev.falconharness.http.Headers;
import dev.falconharness.http.PercentEncoder;
import dev.falconharness.http.RequestBody;
import dev.falconharness.manifest.CollectionFormat;
import dev.falconharness.manifest.ParamType;
import dev.falconharness.manifest.Parameter;
import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * How one parameter's value goes into a request, decided once when its operation is compiled (Retrofit's
 * {@code ParameterHandler} idea): where it travels, how an array is joined or repeated, its query name
 * already encoded. A call is then a loop of {@link #apply}. Immutable and thread-safe.
 */
sealed interface ParameterHandler {

    Parameter parameter();

    /** Puts a non-null {@code value} into {@code request}, or records why it cannot. */
    void apply(RequestParts request, Object value, Problems problems);

    /** Writes the body of an operation (encoding and schema check); supplied by the operation's template. */
    @FunctionalInterface
    interface BodyWriter {
        RequestBody write(Parameter p, Object value, String contentType, Problems problems);
    }

    /** The handler for {@code p}, the {@code index}-th parameter of its operation. */
    static ParameterHandler of(Parameter p, int index, BodyWriter body) {
        return switch (p.location()) {
            case PATH -> new PathSegment(p, index);
            case QUERY -> p.type() != ParamType.ARRAY ? new ScalarQuery(p, PercentEncoder.encode(p.name()))
                    : p.collectionFormat() == CollectionFormat.MULTI ? new RepeatedQuery(p, PercentEncoder.encode(p.name()))
                    : new JoinedQuery(p, PercentEncoder.encode(p.name()) + "=", urlDelimiter(p));
            case HEADER -> new Header(p);
            case FORM_DATA -> p.type() == ParamType.FILE ? new FormFile(p)
                    : p.type() == ParamType.ARRAY && p.collectionFormat() == CollectionFormat.MULTI ? new RepeatedFormField(p)
                    : new FormField(p);
            case BODY -> new Body(p, body);
        };
    }

    /** A comma is legal in a URL; space, tab and pipe are not, so their delimiters go encoded. */
    private static String urlDelimiter(Parameter p) {
        return p.collectionFormat() == CollectionFormat.CSV ? "," : PercentEncoder.encode(p.collectionFormat().delimiter());
    }

    /** A placeholder of the path: percent-encoded, never empty, {@code .} or {@code ..}. */
    record PathSegment(Parameter parameter, int index) implements ParameterHandler {
        @Override
        public void apply(RequestParts request, Object value, Problems problems) {
            Parameter p = parameter;
            List<String> items = p.type() == ParamType.ARRAY ? Values.list(p, value, problems) : null;
            String text = items != null ? String.join(",", items)
                    : p.type() == ParamType.ARRAY ? null : Values.scalar(p, p.type(), value, problems);
            if (text == null) {
                return;
            }
            if (text.isEmpty() || text.equals(".") || text.equals("..")) {
                problems.add(p, "\"" + text + "\" cannot be a path segment; give a real value");
                return;
            }
            if (items == null) {
                request.pathValues[index] = PercentEncoder.encode(text);
                return;
            }
            StringBuilder segment = new StringBuilder();
            appendEncodedJoin(segment, urlDelimiter(p), items);
            request.pathValues[index] = segment.toString();
        }
    }

    /** {@code ?name=value} for one value. */
    record ScalarQuery(Parameter parameter, String encodedName) implements ParameterHandler {
        @Override
        public void apply(RequestParts request, Object value, Problems problems) {
            String text = Values.scalar(parameter, parameter.type(), value, problems);
            if (text != null) {
                request.queryPair(encodedName, text);
            }
        }
    }

    /** {@code ?name=a&name=b}: an array in the {@code multi} format. */
    record RepeatedQuery(Parameter parameter, String encodedName) implements ParameterHandler {
        @Override
        public void apply(RequestParts request, Object value, Problems problems) {
            List<String> items = Values.list(parameter, value, problems);
            if (items != null) {
                for (String item : items) {
                    request.queryPair(encodedName, item);
                }
            }
        }
    }

    /** {@code ?name=a,b}: an array joined with its format's delimiter, each item encoded on its own. */
    record JoinedQuery(Parameter parameter, String encodedNameAndEquals, String delimiter) implements ParameterHandler {
        @Override
        public void apply(RequestParts request, Object value, Problems problems) {
            List<String> items = Values.list(parameter, value, problems);
            if (items != null) {
                StringBuilder query = request.queryStart().append(encodedNameAndEquals);
                // Items encoded one by one, so the delimiter stays a delimiter: ids=a%2Cb,c is two ids.
                appendEncodedJoin(query, delimiter, items);
            }
        }
    }

    /** A header; arrays joined with their format's delimiter. */
    record Header(Parameter parameter) implements ParameterHandler {
        @Override
        public void apply(RequestParts request, Object value, Problems problems) {
            String text = joined(parameter, value, problems);
            if (text == null) {
                return;
            }
            String problem = Headers.valueProblem(text);
            if (problem != null) {
                problems.add(parameter, problem);
                return;
            }
            request.headers = request.headers.plus(parameter.name(), text);
        }
    }

    /** A form field; arrays joined with their format's delimiter. */
    record FormField(Parameter parameter) implements ParameterHandler {
        @Override
        public void apply(RequestParts request, Object value, Problems problems) {
            String text = joined(parameter, value, problems);
            if (text != null) {
                request.form().field(parameter.name(), text);
            }
        }
    }

    /** A form field repeated per item: an array in the {@code multi} format. */
    record RepeatedFormField(Parameter parameter) implements ParameterHandler {
        @Override
        public void apply(RequestParts request, Object value, Problems problems) {
            List<String> items = Values.list(parameter, value, problems);
            if (items != null) {
                items.forEach(item -> request.form().field(parameter.name(), item));
            }
        }
    }

    /** A file part of a multipart form. */
    record FormFile(Parameter parameter) implements ParameterHandler {
        @Override
        public void apply(RequestParts request, Object value, Problems problems) {
            FilePart part = value instanceof FilePart f ? f
                    : value instanceof Path path ? FilePart.of(path)
                    : value instanceof File file ? FilePart.of(file.toPath())
                    : value instanceof byte[] bytes ? FilePart.of(parameter.name(), bytes)
                    : null;
            if (part == null) {
                problems.add(parameter, "expected a file (a Path, File, byte[] or FilePart), got " + Values.describe(value));
            } else if (part.path() == null || BodyEncoder.readable(parameter, part.path(), problems)) {
                request.form().file(parameter.name(), part);
            }
        }
    }

    /** The body: encoded for the operation's media type and checked against its schema. */
    record Body(Parameter parameter, BodyWriter writer) implements ParameterHandler {
        @Override
        public void apply(RequestParts request, Object value, Problems problems) {
            request.content = writer.write(parameter, value, request.contentType, problems);
        }
    }

    private static void appendEncodedJoin(StringBuilder out, String delimiter, List<String> items) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            PercentEncoder.append(out, items.get(i));
        }
    }

    /** One value, or an array joined with its collection format's delimiter. */
    private static String joined(Parameter p, Object value, Problems problems) {
        if (p.type() != ParamType.ARRAY) {
            return Values.scalar(p, p.type(), value, problems);
        }
        List<String> items = Values.list(p, value, problems);
        String delimiter = p.collectionFormat().delimiter();
        return items == null ? null : String.join(delimiter == null ? "," : delimiter, items);
    }
}
