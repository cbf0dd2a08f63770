package org.accord.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayedTest {

    @Test
    void bidirectionalControlsAndControlCharactersAreRemoved() {
        // "access\u202Enimda" shows on screen as "accessadmin"; the override and the isolates go, the letters stay
        assertThat(Displayed.text("access\u202Enimda")).isEqualTo("accessnimda");
        assertThat(Displayed.text("\u2066claims\u2069 tool\u200F")).isEqualTo("claims tool");
        assertThat(Displayed.text("line one\nline two\r\t\u0000\u001b[31m")).isEqualTo("line oneline two[31m");
        assertThat(Displayed.text("ligne\u2028deux")).isEqualTo("lignedeux");
    }

    @Test
    void otherTextIsKeptAsGiven() {
        assertThat(Displayed.text("Clínica São José – 東京 👩‍⚕️")).isEqualTo("Clínica São José – 東京 👩‍⚕️");
        assertThat(Displayed.text(null)).isNull();
    }
}
