package org.accord.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class ConstructorCreatorsTest {

    /** A type read through a constructor of several arguments, as records and the API's generated types are. */
    public record Measure(String id, int numerator, BigDecimal rate, List<String> notes) {
        public Measure {
            if (numerator < 0) {
                throw new IllegalArgumentException("numerator below zero");
            }
        }
    }

    private static final JsonMapper PLAIN = JsonMapper.builder().build();
    private static final JsonMapper SPREAD = JsonMapper.builder().addModule(new ConstructorCreators()).build();

    @Test
    void readsTheSameObjectsAsJacksonsOwnPath() {
        String json = "[{\"id\":\"m1\",\"numerator\":3,\"rate\":0.25,\"notes\":[\"a\"]},{\"numerator\":0,\"id\":\"m2\"}]";
        Measure[] plain = PLAIN.readValue(json, Measure[].class);
        Measure[] spread = SPREAD.readValue(json, Measure[].class);
        assertThat(spread).containsExactly(plain);
        assertThat(spread[0].rate()).isEqualByComparingTo("0.25");
        assertThat(spread[1].notes()).isNull();
    }

    @Test
    void aConstructorsRefusalIsReportedAsJacksonReportsIt() {
        String json = "{\"id\":\"m1\",\"numerator\":-1}";
        Throwable plain = catchThrowable(() -> PLAIN.readValue(json, Measure.class));
        assertThatThrownBy(() -> SPREAD.readValue(json, Measure.class))
                .isInstanceOf(DatabindException.class)
                .hasMessage(plain.getMessage())
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theServicesMapperReadsThroughIt() {
        assertThat(Json.MAPPER.registeredModules()).anyMatch(module -> module instanceof ConstructorCreators);
        assertThat(Json.MAPPER.readValue("{\"id\":\"m\",\"numerator\":1,\"rate\":\"1.50\"}", Measure.class))
                .isEqualTo(new Measure("m", 1, new BigDecimal("1.50"), null));
    }
}
