package org.accord.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.accord.terms.ClauseConstraint;
import org.accord.terms.ClauseTemplate;
import org.accord.terms.ConceptLimits;
import org.accord.terms.ConceptRegistry;
import org.accord.terms.ContractTemplate;
import org.accord.terms.ParameterDeclaration;
import org.accord.terms.TemplateCatalog;
import org.accord.validation.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "templates", mixinStandardHelpOptions = true,
        description = "Lists the contract templates, shipped and published to the store of the data directory, "
                + "or one template's clauses and parameters, with what each may take and the constraints that bind them.")
class TemplatesCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "TEMPLATE", description = "A template id to show in full.")
    String templateId;

    @picocli.CommandLine.Mixin
    RunsCommand.Where where;

    @Override
    public Integer call() {
        ServedTemplates.Catalog served = ServedTemplates.read(where.directory());
        TemplateCatalog catalog = served.templates();
        if (templateId == null) {
            int idWidth = TextTable.widest(catalog.all().stream().map(ContractTemplate::id), 1);
            for (ContractTemplate template : catalog.all()) {
                System.out.printf("%-" + idWidth + "s  %s%s%n", template.id(), template.name(),
                        served.published().contains(template.id()) ? "  [published " + template.version() + "]" : "");
            }
            served.notPublished().values().forEach(System.err::println);
            return 0;
        }
        ContractTemplate template = catalog.find(templateId).orElse(null);
        if (template == null) {
            throw new InvalidInputException("TEMPLATE", catalog.noTemplate(templateId));
        }
        System.out.println(template.name() + " (" + template.id() + " " + template.version() + ")");
        System.out.println(template.description());
        template.yearsSettledInWords().ifPresent(years -> System.out.println("Performance years: " + years));
        if (!template.measureDirections().isEmpty()) {
            System.out.println("Measure directions: " + template.measureDirections().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", ")));
        }
        ConceptRegistry concepts = ConceptRegistry.shipped();
        for (ClauseTemplate clause : template.clauses()) {
            System.out.println();
            System.out.println("  " + clause.title() + " [" + clause.id() + ", " + clause.concept() + "]  " + clause.source());
            for (ParameterDeclaration p : clause.parameters()) {
                System.out.printf("    %-30s %-12s %s  (%s)%s%n", p.name(), p.type().word(), p.valuesByYear().size() == 1 ? p.valuesByYear().values().iterator().next() : p.valuesByYear(), p.unit(),
                        mayTake(p, concepts.limitsOf(clause.concept(), p.name())));
            }
            for (ClauseConstraint constraint : clause.constraints()) {
                System.out.println("    constraint: " + constraint.sentence()
                        + (concepts.requires(clause.concept(), constraint) ? ", required by concept " + clause.concept() : ""));
            }
        }
        return 0;
    }

    /** What an override may take, so that a negotiator reads it here rather than from a refusal: the template's range, then the concept's. */
    private static String mayTake(ParameterDeclaration p, Optional<ConceptLimits> limits) {
        List<String> parts = new ArrayList<>();
        if (!p.negotiable()) {
            parts.add("set by regulation, not negotiable");
        } else if (p.negotiableFrom() != null) {
            parts.add("set by regulation before " + p.negotiableFrom() + ", negotiable from then");
        }
        if (!p.allowedInWords().isEmpty()) {
            parts.add("allowed " + p.allowedInWords());
        }
        limits.ifPresent(l -> parts.add("concept allows " + l.sentence()));
        return parts.isEmpty() ? "" : "  " + String.join("; ", parts);
    }
}
