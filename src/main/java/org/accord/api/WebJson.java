package org.accord.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;
import java.util.Map;
import org.accord.io.Json;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper of the HTTP layer: Accord's strict reader of what clients send ({@link Json#STRICT}),
 * writing compact answers that leave out absent values. A null where the API document has an object
 * of terms or a list ({@code "overrides": null}, {@code "vary": null}) is refused naming it: the
 * document marks none nullable, and the transport types hold an empty one that the code relies on
 * (a null there was a 500). A null for a single value still reads as the value left out.
 */
final class WebJson {

    private WebJson() {
    }

    /** A null value refused, and a null inside (in a list or as a map's value) refused as {@link Json#STRICT} does. */
    private static final JsonSetter.Value NOT_NULL = JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL);

    static JsonMapper mapper() {
        return Json.STRICT.rebuild()
                .disable(SerializationFeature.INDENT_OUTPUT)
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .withConfigOverride(Map.class, map -> map.setNullHandling(NOT_NULL))
                .withConfigOverride(List.class, list -> list.setNullHandling(NOT_NULL))
                .build();
    }
}
