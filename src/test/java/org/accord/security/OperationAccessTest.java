package org.accord.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table must decide for exactly the document's operations, with known roles. */
class OperationAccessTest {

    private static final String DOCUMENT = """
            servers:
              - url: /api/v1
            paths:
              /evaluations:
                post:
                  operationId: evaluate
                  x-audited: true
              /rules/{path}:
                parameters: []
                get:
                  operationId: getRuleFile
            """;

    private static OperationAccess of(String document, String table) {
        return OperationAccess.of(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void eachOperationIsServedUnderTheServersPathWithItsRolesAndWhetherItIsAudited() {
        OperationAccess access = of(DOCUMENT, "evaluate: [negotiator, Integrator]\ngetRuleFile: [reviewer]\n");

        assertThat(access.operations()).containsExactly(
                new OperationAccess.Operation("evaluate", "POST", "/api/v1/evaluations", Set.of(Role.NEGOTIATOR, Role.INTEGRATOR), true, false),
                new OperationAccess.Operation("getRuleFile", "GET", "/api/v1/rules/{path}", Set.of(Role.REVIEWER), false, false));
    }

    @Test
    void anOperationWithoutADecisionStopsTheService() {
        assertThatThrownBy(() -> of(DOCUMENT, "evaluate: [negotiator]\n"))
                .hasMessageContaining("no access decision").hasMessageContaining("getRuleFile");
    }

    @Test
    void aDecisionForNoOperationStopsTheService() {
        assertThatThrownBy(() -> of(DOCUMENT, "evaluate: [negotiator]\ngetRuleFile: [reviewer]\ndeleteEverything: [admin]\n"))
                .hasMessageContaining("deleteEverything");
    }

    @Test
    void anUnknownOrMissingRoleStopsTheService() {
        assertThatThrownBy(() -> of(DOCUMENT, "evaluate: [negotiator]\ngetRuleFile: [auditor]\n")).hasMessageContaining("'auditor'");
        assertThatThrownBy(() -> of(DOCUMENT, "evaluate: []\ngetRuleFile: [reviewer]\n")).hasMessageContaining("at least one role");
    }

    @Test
    void theShippedTableDecidesForTheShippedDocument() {
        assertThat(OperationAccess.load().operations()).extracting(OperationAccess.Operation::operationId).contains("evaluate", "runBacktest");
    }
}
