package dev.falconharness.testing;

import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.ManifestLoader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Small manifests written inline for tests. */
public final class TestManifests {
    private TestManifests() {
    }

    /** Loads manifest JSON given with single quotes for readability. */
    public static Manifest fromJson(String json) {
        String text = json.replace('\'', '"');
        return ManifestLoader.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    /** One manifest with an operation of every shape the request builder handles. */
    public static Manifest shapes() {
        return fromJson("""
            {'format': 'falcon-harness/manifest@1', 'name': 'shapes', 'operations': [
              {'id': 'CsvIds', 'method': 'GET', 'path': '/things/v1', 'parameters': [
                {'name': 'ids', 'in': 'query', 'type': 'array', 'items': 'string', 'collectionFormat': 'csv', 'required': true, 'maxItems': 3}]},
              {'id': 'MultiIds', 'method': 'DELETE', 'path': '/things/v1', 'parameters': [
                {'name': 'ids', 'in': 'query', 'type': 'array', 'items': 'string', 'collectionFormat': 'multi', 'required': true}]},
              {'id': 'Query', 'method': 'GET', 'path': '/things/queries/v1', 'parameters': [
                {'name': 'filter', 'in': 'query', 'type': 'string'},
                {'name': 'limit', 'in': 'query', 'type': 'integer', 'minimum': 1, 'maximum': 500},
                {'name': 'sort', 'in': 'query', 'type': 'string', 'enum': ['name.asc', 'name.desc']},
                {'name': 'expand', 'in': 'query', 'type': 'boolean'},
                {'name': 'code', 'in': 'query', 'type': 'string', 'pattern': '^[A-Z]{3}$', 'maxLength': 3}]},
              {'id': 'GetObject', 'method': 'GET', 'path': '/collections/{collection_name}/objects/{object_key}', 'parameters': [
                {'name': 'collection_name', 'in': 'path', 'type': 'string', 'required': true},
                {'name': 'object_key', 'in': 'path', 'type': 'string', 'required': true}]},
              {'id': 'GetNode', 'method': 'GET', 'path': '/nodes/{ID}', 'parameters': [
                {'name': 'ID', 'in': 'path', 'type': 'integer', 'pattern': '[0-9]+', 'required': true}]},
              {'id': 'GetRuleFile', 'method': 'GET', 'path': '/rules/v1', 'parameters': [
                {'name': 'Accept', 'in': 'header', 'type': 'string'},
                {'name': 'If-None-Match', 'in': 'header', 'type': 'string'},
                {'name': 'id', 'in': 'query', 'type': 'integer', 'required': true}]},
              {'id': 'Releases', 'method': 'GET', 'path': '/releases/v1', 'parameters': [
                {'name': 'Authorization', 'in': 'header', 'type': 'string', 'required': true}]},
              {'id': 'CreateThing', 'method': 'POST', 'path': '/things/v1', 'parameters': [
                {'name': 'validate_only', 'in': 'query', 'type': 'boolean'},
                {'name': 'body', 'in': 'body', 'required': true}]},
              {'id': 'DeleteWithBody', 'method': 'DELETE', 'path': '/groups/v1', 'parameters': [
                {'name': 'body', 'in': 'body'}]},
              {'id': 'UploadSample', 'method': 'POST', 'path': '/samples/v2', 'parameters': [
                {'name': 'sample', 'in': 'formData', 'type': 'file', 'required': true},
                {'name': 'file_name', 'in': 'formData', 'type': 'string', 'required': true},
                {'name': 'is_confidential', 'in': 'formData', 'type': 'boolean'},
                {'name': 'tag', 'in': 'formData', 'type': 'array', 'items': 'string', 'collectionFormat': 'multi'}]},
              {'id': 'TokenForm', 'method': 'POST', 'path': '/oauth2/revoke', 'parameters': [
                {'name': 'token', 'in': 'formData', 'type': 'string', 'required': true},
                {'name': 'client_id', 'in': 'formData', 'type': 'string'}]},
              {'id': 'UploadArchive', 'method': 'POST', 'path': '/archives/v1', 'consumes': 'application/octet-stream', 'parameters': [
                {'name': 'name', 'in': 'query', 'type': 'string', 'required': true},
                {'name': 'body', 'in': 'body', 'required': true}]},
              {'id': 'NoParams', 'method': 'GET', 'path': '/ping/v1', 'parameters': []}
            ]}
            """);
    }
}
