package dev.falconharness;

/**
 * {@link ApiResponse#resourcesAs(Class)} could not map a resource to the caller's type: a field of the
 * wrong JSON type, a value out of the type's range, or a body with no {@code resources} array. The
 * message names the operation, the resource's index and Jackson's account of the field.
 */
public class ResponseMappingException extends FalconHarnessException {
    public ResponseMappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
