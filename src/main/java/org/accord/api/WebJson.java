package org.accord.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.accord.io.Json;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper of the HTTP layer: Accord's strict reader of what clients send ({@link Json#STRICT}),
 * writing compact answers that leave out absent values.
 */
final class WebJson {

    private WebJson() {
    }

    static JsonMapper mapper() {
        return Json.STRICT.rebuild()
                .disable(SerializationFeature.INDENT_OUTPUT)
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }
}
