package org.accord.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.accord.store.ContentKind;
import org.accord.store.Stores;
import org.accord.terms.ContractTemplate;
import org.accord.terms.TemplateCatalog;
import org.accord.validation.InvalidInputException;

/**
 * The templates the service serves, read without a server: the shipped ones, then those published
 * to the store of the data directory (through the API or from the operator's folder, docs/store.md)
 * in the order they were stored, a later version replacing an earlier one, as the service restores
 * them when it starts. A shipped template's id is never taken by a stored one.
 */
final class ServedTemplates {

    /** The catalog, and the ids of the templates that came from the store. */
    record Catalog(TemplateCatalog templates, Set<String> published) {
    }

    private ServedTemplates() {
    }

    static Catalog read(Path dataDirectory) {
        TemplateCatalog catalog = TemplateCatalog.load();
        Set<String> shipped = new LinkedHashSet<>(catalog.all().stream().map(ContractTemplate::id).toList());
        Set<String> published = new LinkedHashSet<>();
        var stores = Stores.open(dataDirectory);
        if (stores.isEmpty()) {
            return new Catalog(catalog, Set.of());
        }
        for (byte[] bytes : stores.get().content().allOf(ContentKind.TEMPLATE).values()) {
            ContractTemplate template;
            try {
                template = TemplateCatalog.readUpload(bytes);
            } catch (InvalidInputException stale) {
                // An older template no longer matching today's schema or concepts: stored for its runs only.
                continue;
            }
            if (!shipped.contains(template.id())) {
                catalog = catalog.plus(template);
                published.add(template.id());
            }
        }
        return new Catalog(catalog, Set.copyOf(published));
    }
}
