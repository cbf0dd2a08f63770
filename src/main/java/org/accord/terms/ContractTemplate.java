package org.accord.terms;

import java.util.List;
import java.util.Optional;

/**
 * A parameterised contract of one real-world shape, loaded from {@code contract-templates/}.
 *
 * @param id          stable id used in requests ({@code mssp-basic})
 * @param version     the template's version; a changed template gets a new one
 * @param name        a human name
 * @param payer       the kind of payer that offers this shape
 * @param description what the contract does, in a paragraph
 * @param source      the public source of the method
 * @param clauses     the clauses in the order a settlement lists them
 * @param contentHash SHA-256 of the template file as shipped
 */
public record ContractTemplate(
        String id,
        String version,
        String name,
        String payer,
        String description,
        String source,
        List<ClauseTemplate> clauses,
        String contentHash) {

    public Optional<ParameterDeclaration> parameter(String name) {
        return clauses.stream().flatMap(c -> c.parameters().stream()).filter(p -> p.name().equals(name)).findFirst();
    }
}
