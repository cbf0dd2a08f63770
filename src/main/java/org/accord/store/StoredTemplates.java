package org.accord.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.accord.terms.ContractTemplate;
import org.accord.terms.TemplateCatalog;

/**
 * Template files by their content hash, as stored runs and contract versions name them
 * (docs/hashes.md, {@code templateHash}): the file a service serves under that hash, else the one the
 * store keeps (every template a version is made on or a run settles with is stored). A template
 * published since under the same id does not change what a hash names. Each stored file is read once.
 */
public final class StoredTemplates {

    private final ContentStore content;
    private final Map<String, TemplateCatalog> read = new ConcurrentHashMap<>();

    public StoredTemplates(ContentStore content) {
        this.content = content;
    }

    /** The stored file of this hash, as the catalog of the one template it holds; empty when the store does not hold it. */
    public Optional<TemplateCatalog> file(String hash) {
        TemplateCatalog known = read.get(hash);
        if (known != null) {
            return Optional.of(known);
        }
        // Not cached while absent: content is only ever added.
        return content.get(hash, ContentKind.TEMPLATE).map(bytes -> read.computeIfAbsent(hash, h -> TemplateCatalog.ofFile("stored template " + h, bytes)));
    }

    /**
     * Template {@code id} as the file of this hash has it: the one {@code served} holds when it is
     * that file, else the stored file; empty when neither holds it.
     */
    public Optional<ContractTemplate> find(TemplateCatalog served, String id, String hash) {
        return served.find(id).filter(template -> template.contentHash().equals(hash))
                .or(() -> file(hash).flatMap(stored -> stored.find(id)));
    }
}
