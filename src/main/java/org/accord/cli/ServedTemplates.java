package org.accord.cli;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.accord.engine.CustomDecisionTable;
import org.accord.evaluation.EvaluationService;
import org.accord.store.ContentKind;
import org.accord.store.Stores;
import org.accord.terms.ContractTemplate;
import org.accord.terms.TemplateCatalog;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;

/**
 * The templates the service serves, read without a server: the shipped ones, then those published
 * to the store of the data directory (through the API or from the operator's folder, docs/store.md)
 * in the order they were stored, a later version replacing an earlier one, as the service restores
 * them when it starts. A shipped template's id is never taken by a stored one. The commands that
 * settle do so with a template listed here, with the uploaded decision tables it names.
 */
final class ServedTemplates {

    /** The catalog, and the ids of the templates that came from the store. */
    record Catalog(TemplateCatalog templates, Set<String> published, java.util.Map<String, String> notPublished) {

        Catalog(TemplateCatalog templates, Set<String> published) {
            this(templates, published, java.util.Map.of());
        }
    }

    private ServedTemplates() {
    }

    static Catalog read(Path dataDirectory) {
        TemplateCatalog catalog = TemplateCatalog.load();
        return Stores.open(dataDirectory).map(stores -> read(stores, catalog)).orElseGet(() -> new Catalog(catalog, Set.of()));
    }

    private static Catalog read(Stores stores, TemplateCatalog shippedCatalog) {
        TemplateCatalog catalog = shippedCatalog;
        Set<String> shipped = new LinkedHashSet<>(catalog.all().stream().map(ContractTemplate::id).toList());
        Set<String> published = new LinkedHashSet<>();
        java.util.Map<String, String> notPublished = new java.util.TreeMap<>();
        for (java.util.Map.Entry<String, byte[]> stored : stores.content().allOf(ContentKind.TEMPLATE).entrySet()) {
            byte[] bytes = stored.getValue();
            ContractTemplate template;
            try {
                template = TemplateCatalog.readUpload(bytes);
            } catch (InvalidInputException stale) {
                // Stored for its runs only: an older shipped text quietly, an upload that fails a check added since said
                // as the service says it at start.
                String hash = stored.getKey();
                TemplateCatalog.idOf(bytes).filter(id -> !shipped.contains(id))
                        .ifPresent(id -> notPublished.put(id, TemplateCatalog.notPublished(id, hash, stale)));
                continue;
            }
            if (!shipped.contains(template.id())) {
                catalog = catalog.plus(template);
                published.add(template.id());
            }
        }
        published.forEach(notPublished::remove);
        return new Catalog(catalog, Set.copyOf(published), java.util.Collections.unmodifiableMap(notPublished));
    }

    /**
     * What a command settles with: the shipped templates and rules, and each of the template ids it
     * was given that is not shipped but published in the data directory (as {@link #read} lists it),
     * with the uploaded decision tables it names, read from the store and checked as the service
     * checks them when it starts. Only those named: a table takes seconds to check, and a command
     * naming shipped templates only opens no store. An id found nowhere is left for the evaluation
     * to refuse, naming the known templates.
     *
     * @throws IllegalStateException when a published template cannot be served: the store lacks a
     *         table it names, or the table does not fit the one it replaces (the service would not
     *         serve it either)
     */
    static EvaluationService evaluations(Path dataDirectory, Collection<String> templateIds) {
        EvaluationService service = EvaluationService.load();
        List<String> notShipped = templateIds.stream().filter(id -> id != null && service.templates().find(id).isEmpty())
                .distinct().toList();
        if (notShipped.isEmpty()) {
            return service;
        }
        Stores stores = Stores.open(dataDirectory).orElse(null);
        if (stores == null) {
            return service;
        }
        TemplateCatalog served = read(stores, service.templates()).templates();
        for (String id : notShipped) {
            ContractTemplate template = served.find(id).orElse(null);
            if (template == null) {
                continue;
            }
            template.decisionTables().forEach((name, hash) -> {
                byte[] table = stores.content().get(hash, ContentKind.DECISION_TABLE).orElseThrow(() -> notServed(template,
                        dataDirectory, "it answers '" + name + "' with the decision table " + hash + ", which the store does not hold"));
                try {
                    service.customTables().add(CustomDecisionTable.check(table));
                } catch (InvalidInputException e) {
                    // Accepted when it was uploaded; refused now if it fails a check added since (a cell that reads the
                    // clock) or this machine could not compile it in time.
                    throw notServed(template, dataDirectory, "its decision table " + hash + " for '" + name
                            + "' is refused now: " + e.getMessage());
                }
            });
            List<InputProblem> problems = service.decisionTableProblems(template);
            if (!problems.isEmpty()) {
                throw notServed(template, dataDirectory, problems.stream().map(p -> p.pointer() + ": " + p.reason())
                        .collect(java.util.stream.Collectors.joining("; ")));
            }
            service.publish(template);
        }
        return service;
    }

    private static IllegalStateException notServed(ContractTemplate template, Path dataDirectory, String reason) {
        return new IllegalStateException("template '" + template.id() + "' (published " + template.version() + " in "
                + dataDirectory + ") cannot be settled with: " + reason);
    }
}
