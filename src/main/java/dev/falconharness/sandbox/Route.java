package dev.falconharness.sandbox;

import java.util.List;

/**
 * A method and path template with the manifest operations it serves (several IDs can share one, such
 * as {@code RetrieveUser} and {@code retrieveUser}) and the handler that answers it.
 *
 * @param method       the HTTP method, upper-case
 * @param template     the path template, e.g. {@code /customobjects/v1/collections/{collection_name}}
 * @param operationIds the operation IDs at this method and path, in manifest order
 * @param handler      what answers requests here
 * @param open         true for the OAuth2 endpoints, which take client credentials instead of a token
 * @param contract     the body shape and documented statuses the answers keep to
 */
record Route(String method, String template, List<String> operationIds, Handler handler, boolean open,
        Contract contract) {

    Route {
        operationIds = List.copyOf(operationIds);
    }

    boolean serves(String operationId) {
        return operationIds.contains(operationId);
    }
}
