package org.accord.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.accord.content.ContentHash;
import org.accord.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * Templates that include shared parameter files or extend another template resolve to exactly the
 * terms they resolved to when each was a whole copy.
 */
class SharedParametersTest {

    /**
     * Pinned from main's self-contained template files before any of them included or extended
     * another: per template, the fingerprint of its whole declaration (clauses, texts, parameters
     * with every value by year; the file hash left out) and the terms hash for every year 2016-2027
     * ("none" where the template has no value for that year).
     */
    private static final Path PINNED = Path.of("src/test/resources/terms/before-shared-parameters.tsv");

    private final TemplateCatalog catalog = TemplateCatalog.load();

    @Test
    void everyShippedTemplateResolvesToTheTermsItHadBeforeItsParametersWereShared() throws IOException {
        StringBuilder now = new StringBuilder();
        for (ContractTemplate template : catalog.all()) {
            now.append(template.id()).append("\tdeclaration\t").append(declarationFingerprint(template)).append('\n');
            for (int year = 2016; year <= 2027; year++) {
                String hash;
                try {
                    hash = TermsResolver.resolve(template, Map.of(), year).hash();
                } catch (InvalidInputException e) {
                    hash = "none";
                }
                now.append(template.id()).append('\t').append(year).append('\t').append(hash).append('\n');
            }
        }
        Path written = Path.of("target/terms-now.tsv");
        Files.writeString(written, now, StandardCharsets.UTF_8);
        assertThat(now.toString()).as("compare " + written + " with " + PINNED)
                .isEqualTo(Files.readString(PINNED, StandardCharsets.UTF_8));
    }

    /** Everything a template declares but the hash of the file it came from. */
    private static String declarationFingerprint(ContractTemplate template) {
        ContractTemplate withoutFileHash = new ContractTemplate(template.id(), template.version(), template.name(), template.payer(),
                template.description(), template.source(), template.clauses(), "", template.decisionTables());
        return ContentHash.of(withoutFileHash.toString());
    }
}
