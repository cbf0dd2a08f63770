package org.accord.api;

import tools.jackson.databind.node.ObjectNode;

/** Evaluation requests built from the shipped examples, for tests to take apart. */
final class Requests {

    private Requests() {
    }

    /** {@code {"contract": {"templateId": ...}, "facts": <examples/NAME.json>}}. */
    static ObjectNode of(String templateId, String example) {
        ObjectNode request = ServerTest.JSON.createObjectNode();
        request.putObject("contract").put("templateId", templateId);
        request.set("facts", ServerTest.JSON.readTree(ServerTest.read("examples/" + example + ".json")));
        return request;
    }

    /** The small three-practice example under mssp-basic: valid, so each test breaks one thing. */
    static ObjectNode small() {
        return of("mssp-basic", "small-panel");
    }
}
