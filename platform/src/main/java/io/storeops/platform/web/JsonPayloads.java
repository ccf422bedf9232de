package io.storeops.platform.web;

import io.storeops.contracts.EventJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;

/** Parses untrusted JSON bodies: malformed JSON is a 400 problem, a wrong shape a 422. */
public final class JsonPayloads {

    private JsonPayloads() {}

    public static JsonNode tree(byte[] body) {
        try {
            JsonNode tree = EventJson.mapper().readTree(body);
            if (tree == null || !tree.isObject()) {
                throw Problems.invalid("The body must be a JSON object.");
            }
            return tree;
        } catch (StreamReadException malformed) {
            throw Problems.malformedJson("The body is not valid JSON: " + malformed.getOriginalMessage());
        }
    }

    public static <T> T read(byte[] body, Class<T> type) {
        JsonNode tree = tree(body);
        try {
            return EventJson.mapper().treeToValue(tree, type);
        } catch (JacksonException wrongShape) {
            throw Problems.invalid("The body does not match the expected shape: " + wrongShape.getOriginalMessage());
        }
    }
}
