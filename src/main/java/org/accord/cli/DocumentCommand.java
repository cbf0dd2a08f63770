package org.accord.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.accord.document.ContractDocument;
import org.accord.io.Json;
import org.accord.store.ContractStore;
import org.accord.store.ContractVersion;
import org.accord.store.StoredTemplates;
import org.accord.store.Stores;
import org.accord.terms.ContractTemplate;
import org.accord.terms.TemplateCatalog;
import org.accord.validation.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.type.TypeReference;

@Command(name = "document", mixinStandardHelpOptions = true,
        description = "Prints the contract document a reviewer reads for a template (shipped, or published to the "
                + "store of the data directory), or for a stored contract version (--contract-version): each clause in plain words, its "
                + "parameters, tables and rules with the paragraphs they implement, which clause feeds which, and the "
                + "golden cases that settle it. Markdown, or HTML to print to PDF from a browser.")
class DocumentCommand implements Callable<Integer> {

    private static final String TEMPLATE = "TEMPLATE";

    @Parameters(index = "0", arity = "0..1", paramLabel = TEMPLATE, description = "The template id, for example mssp-enhanced.")
    String templateId;

    @Option(names = "--contract-version", paramLabel = "ID",
            description = "Instead of a template: a contract version stored in the data directory, with its overrides and its contract.")
    String versionId;

    @Option(names = "--html", description = "Print HTML (with print styles) instead of Markdown.")
    boolean html;

    @Option(names = "--set", paramLabel = "NAME=VALUE", parameterConsumer = OverrideOnce.class,
            description = "Show a changed term (repeatable), for example electedMinimumSavingsRate=0.01 under mssp-enhanced, "
                    + "or 'qualityBonusLadder[0].threshold=0.65' under commercial-global-budget.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @picocli.CommandLine.Mixin
    RunsCommand.Where where;

    @Override
    public Integer call() {
        if ((templateId == null) == (versionId == null)) {
            throw new InvalidInputException(TEMPLATE, "give a TEMPLATE or --contract-version ID, not "
                    + (versionId == null ? "neither" : "both"));
        }
        if (versionId != null) {
            if (!overrides.isEmpty()) {
                throw new InvalidInputException("--set", "a contract version carries its own overrides");
            }
            return contractVersion();
        }
        TemplateCatalog catalog = ServedTemplates.read(where.directory()).templates();
        ContractTemplate template = catalog.find(templateId).orElse(null);
        if (template == null) {
            throw new InvalidInputException(TEMPLATE, catalog.noTemplate(templateId));
        }
        ContractDocument document;
        try {
            document = ContractDocument.of(template, overrides);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--set", e.getMessage());
        }
        System.out.print(html ? document.html() : document.markdown());
        return 0;
    }

    /** A stored version's document, on the template it was made on (stored with every version). */
    private Integer contractVersion() {
        Stores stores = Stores.open(where.directory()).orElse(null);
        if (stores == null) {
            throw new InvalidInputException("--contract-version", "no store in " + where.directory());
        }
        ContractStore contracts = stores.contracts();
        ContractVersion version = contracts.version(versionId).orElse(null);
        if (version == null) {
            throw new InvalidInputException("--contract-version", "no contract version '" + versionId + "' in " + where.directory());
        }
        ContractTemplate template = new StoredTemplates(stores.content()).file(version.templateHash())
                .flatMap(catalog -> catalog.find(version.templateId())).orElse(null);
        if (template == null) {
            throw new InvalidInputException("--contract-version", "version " + version.id() + " names template "
                    + version.templateHash() + ", which is not stored");
        }
        Map<String, Object> stored = Json.MAPPER.readValue(version.overrides(), new TypeReference<Map<String, Object>>() {
        });
        ContractDocument document = ContractDocument.of(template, contracts.find(version.contractId()).orElseThrow(), version, stored,
                contracts.versions(version.contractId()), contracts.publications(version.contractId()));
        System.out.print(html ? document.html() : document.markdown());
        return 0;
    }
}
