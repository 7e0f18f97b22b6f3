package dev.jcodex.core.tools.handlers;

import dev.jcodex.protocol.ProtocolJson;
import tools.jackson.databind.node.ObjectNode;

/** Building blocks of function-tool specs ({@code {"type":"function","name",…,"parameters":{…}}}). */
final class FunctionSpecs {
    private FunctionSpecs() {}

    /** A fresh JSON object for a spec. */
    static ObjectNode newSpec() {
        return ProtocolJson.mapper().createObjectNode();
    }

    /** A function tool spec skeleton; returns the {@code properties} object to fill. */
    static ObjectNode functionSpec(ObjectNode spec, String name, String description) {
        spec.put("type", "function").put("name", name).put("description", description).put("strict", false);
        ObjectNode params = spec.putObject("parameters");
        params.put("type", "object");
        return params.putObject("properties");
    }

    /** Closes the spec skeleton: required fields and no additional properties. */
    static void finishSpec(ObjectNode spec, String... required) {
        ObjectNode params = (ObjectNode) spec.get("parameters");
        var list = params.putArray("required");
        for (String field : required) {
            list.add(field);
        }
        params.put("additionalProperties", false);
    }

    static void property(ObjectNode properties, String name, String type, String description) {
        properties.putObject(name).put("type", type).put("description", description);
    }
}
