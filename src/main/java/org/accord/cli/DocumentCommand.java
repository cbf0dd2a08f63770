package org.accord.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.accord.document.ContractDocument;
import org.accord.terms.ContractTemplate;
import org.accord.terms.TemplateCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "document", mixinStandardHelpOptions = true,
        description = "Prints the contract document a reviewer reads for a template: each clause in plain words, its "
                + "parameters, tables and rules with the paragraphs they implement, which clause feeds which, and the "
                + "golden cases that settle it. Markdown, or HTML to print to PDF from a browser.")
class DocumentCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TEMPLATE", description = "The template id, for example mssp-enhanced.")
    String templateId;

    @Option(names = "--html", description = "Print HTML (with print styles) instead of Markdown.")
    boolean html;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "Show a changed term (repeatable), for example electedMinimumSavingsRate=0.01 or 'qualityBonusLadder[0].threshold=0.65'.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    public Integer call() {
        TemplateCatalog catalog = TemplateCatalog.load();
        ContractTemplate template = catalog.find(templateId).orElse(null);
        if (template == null) {
            System.err.println("no template '" + templateId + "'; known: " + catalog.all().stream().map(ContractTemplate::id).toList());
            return 2;
        }
        ContractDocument document;
        try {
            document = ContractDocument.of(template, overrides);
        } catch (IllegalArgumentException e) {
            System.err.println("--set " + e.getMessage());
            return 2;
        }
        System.out.print(html ? document.html() : document.markdown());
        return 0;
    }
}
