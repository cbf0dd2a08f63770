package org.accord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccordTest {

    @Test
    void theServiceStartsWithNoArgumentsWithServeOrWithSpringPropertiesOnly() {
        assertThat(Accord.startsTheService(new String[0])).isTrue();
        assertThat(Accord.startsTheService(new String[] {"serve", "--server.port=18080"})).isTrue();
        // The README's first key: the development profile given as Spring Boot takes any property.
        assertThat(Accord.startsTheService(new String[] {"--spring.profiles.active=dev"})).isTrue();
        assertThat(Accord.startsTheService(new String[] {"--spring.profiles.active=dev", "--server.port=18080"})).isTrue();
    }

    @Test
    void everythingElseIsACommand() {
        assertThat(Accord.startsTheService(new String[] {"evaluate", "--template=mssp-basic"})).isFalse();
        assertThat(Accord.startsTheService(new String[] {"--help"})).isFalse();
        assertThat(Accord.startsTheService(new String[] {"--version"})).isFalse();
        assertThat(Accord.startsTheService(new String[] {"--server.port=18080", "templates"})).isFalse();
        assertThat(Accord.startsTheService(new String[] {"--=x"})).isFalse();
    }
}
