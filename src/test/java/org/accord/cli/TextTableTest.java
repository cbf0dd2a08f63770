package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void aClientsTextIsShownWithoutTerminalControlsOrBidirectionalOverrides() {
        // an escape sequence would clear the reader's terminal; the override would show "P02" as "20P"
        String shown = new TextTable("practice", "name", "amount")
                .row("\u202EP02", "Valley\u001b[2J Clinic", "1234.50")
                .render("");

        assertThat(shown).isEqualTo(
                "practice  name" + " ".repeat(16) + "amount\n"
                + "P02       Valley[2J Clinic  1,234.50\n");
    }
}
