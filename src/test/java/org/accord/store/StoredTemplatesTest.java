package org.accord.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.terms.TemplateCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored template files are kept read by hash, the most recently used of them only. */
class StoredTemplatesTest {

    @TempDir
    Path directory;

    @Test
    void onlyTheMostRecentlyUsedFilesAreKeptRead() {
        try (MigratedStore store = MigratedStore.open("H2", directory)) {
            ContentStore content = store.content();
            String shipped = new String(TemplateCatalog.shippedTexts().get("mssp-basic.yaml"), StandardCharsets.UTF_8);
            Matcher version = Pattern.compile("(?m)^version: \"([^\"]+)\"$").matcher(shipped);
            assertThat(version.find()).as("mssp-basic.yaml's version line").isTrue();
            // Files that differ only in their version's text, each under its own hash, as a store holds a template's versions.
            List<String> hashes = new ArrayList<>();
            for (int i = 0; i < StoredTemplates.CACHED_FILES + 8; i++) {
                String text = shipped.replace(version.group(), "version: \"" + version.group(1) + "-" + i + "\"");
                hashes.add(content.put(ContentKind.TEMPLATE, text.getBytes(StandardCharsets.UTF_8)));
            }
            StoredTemplates templates = new StoredTemplates(content);

            TemplateCatalog first = templates.file(hashes.get(0)).orElseThrow();
            assertThat(templates.file(hashes.get(0))).containsSame(first);
            hashes.forEach(hash -> assertThat(templates.file(hash)).isPresent());
            TemplateCatalog last = templates.file(hashes.get(hashes.size() - 1)).orElseThrow();

            assertThat(templates.cached()).isEqualTo(StoredTemplates.CACHED_FILES);
            assertThat(templates.file(hashes.get(hashes.size() - 1))).containsSame(last);
            // The first was left out as the others were read: it is read from the store again, the same template.
            TemplateCatalog again = templates.file(hashes.get(0)).orElseThrow();
            assertThat(again).isNotSameAs(first);
            assertThat(again.find("mssp-basic").orElseThrow().version()).isEqualTo(version.group(1) + "-0");
            assertThat(templates.cached()).isEqualTo(StoredTemplates.CACHED_FILES);
        }
    }
}
