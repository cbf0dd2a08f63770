package org.accord.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.accord.terms.ContractTemplate;
import org.accord.terms.TemplateCatalog;

/**
 * Template files by their content hash, as stored runs and contract versions name them
 * (docs/hashes.md, {@code templateHash}): the file a service serves under that hash, else the one the
 * store keeps (every template a version is made on or a run settles with is stored). A template
 * published since under the same id does not change what a hash names. A stored file is read once
 * while it is among the {@value #CACHED_FILES} most recently used, as compiled rule sets are kept by
 * their hash: a store holds every template ever published, and a caller walking old versions or runs
 * must not hold them all.
 */
public final class StoredTemplates {

    /** Template files kept read; a few dozen cover the versions and runs of the templates in use. */
    static final int CACHED_FILES = 32;

    private final ContentStore content;
    private final Map<String, TemplateCatalog> read = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TemplateCatalog> eldest) {
            return size() > CACHED_FILES;
        }
    };

    public StoredTemplates(ContentStore content) {
        this.content = content;
    }

    /** The stored file of this hash, as the catalog of the one template it holds; empty when the store does not hold it. */
    public Optional<TemplateCatalog> file(String hash) {
        synchronized (read) {
            TemplateCatalog known = read.get(hash);
            if (known != null) {
                return Optional.of(known);
            }
        }
        // Read and parsed outside the lock (two threads may read one file twice, harmlessly); not cached while absent:
        // content is only ever added.
        Optional<TemplateCatalog> stored = content.get(hash, ContentKind.TEMPLATE)
                .map(bytes -> TemplateCatalog.ofFile("stored template " + hash, bytes));
        return stored.map(file -> {
            synchronized (read) {
                TemplateCatalog first = read.putIfAbsent(hash, file);
                return first != null ? first : file;
            }
        });
    }

    /** How many files are kept read now. */
    int cached() {
        synchronized (read) {
            return read.size();
        }
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
