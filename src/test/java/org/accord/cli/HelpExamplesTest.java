package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.terms.ContractTemplate;
import org.accord.terms.TemplateCatalog;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every parameter a help text sets in an example ({@code maximumSharingRate=0.60 under mssp-basic},
 * {@code mssp-basic:maximumSharingRate=0.50}) is a term of the shipped template the example names,
 * so that a reader who copies it is not refused.
 */
class HelpExamplesTest {

    private static final TemplateCatalog SHIPPED = TemplateCatalog.load();
    // template:name=value[,name=value]: the template comes first
    private static final Pattern CONTRACT = Pattern.compile("(?<![\\w-])([a-z][a-z0-9-]*):((?:[A-Za-z]\\w*(?:\\[\\d+\\]\\.\\w+)?=[^,\\s']+,?)+)");
    // name=value with the template named after it: "maximumSharingRate=0.60 under mssp-basic"
    private static final Pattern TERM = Pattern.compile("(?<![\\w:,.-])([a-z][A-Za-z0-9]*(?:\\[\\d+\\]\\.[A-Za-z]\\w*)?)=");

    /** A parameter an example sets, the template it names and the text it came from. */
    record Example(String term, String templateId, String text) {
    }

    @Test
    void everyParameterAnExampleSetsIsATermOfTheTemplateItNames() {
        List<Example> examples = new ArrayList<>();
        List<String> withoutTemplate = new ArrayList<>();
        for (String text : helpTexts()) {
            examples(text, examples, withoutTemplate);
        }

        assertThat(withoutTemplate).as("examples that name no template").isEmpty();
        assertThat(examples).extracting(Example::term).contains("maximumSharingRate", "electedMinimumSavingsRate",
                "reconciliationLagMonths", "qualityBonusLadder[0].threshold");
        assertThat(examples).allSatisfy(example -> assertThat(SHIPPED.find(example.templateId()).flatMap(t -> t.term(example.term())))
                .as("%s in %s: \"%s\"", example.term(), example.templateId(), example.text()).isPresent());
    }

    /** The descriptions of every command, option and parameter, as picocli shows them. */
    private static List<String> helpTexts() {
        CommandLine accord = new CommandLine(new AccordCommand());
        AccordCommand.SUBCOMMANDS.forEach(accord::addSubcommand);
        List<String> texts = new ArrayList<>();
        collect(accord.getCommandSpec(), texts);
        return texts;
    }

    private static void collect(CommandSpec command, List<String> texts) {
        texts.add(String.join(" ", command.usageMessage().description()));
        command.options().forEach(option -> texts.add(String.join(" ", option.description())));
        command.positionalParameters().forEach(parameter -> texts.add(String.join(" ", parameter.description())));
        command.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), texts));
    }

    private static void examples(String text, List<Example> examples, List<String> withoutTemplate) {
        StringBuilder rest = new StringBuilder(text);
        Matcher contract = CONTRACT.matcher(text);
        while (contract.find()) {
            for (String assignment : contract.group(2).split(",")) {
                examples.add(new Example(assignment.substring(0, assignment.indexOf('=')), contract.group(1), text));
            }
            rest.replace(contract.start(), contract.end(), " ".repeat(contract.end() - contract.start()));
        }
        Matcher term = TERM.matcher(rest);
        while (term.find()) {
            Optional<String> template = firstTemplateAfter(rest.substring(term.end()));
            if (template.isEmpty()) {
                withoutTemplate.add(term.group(1) + " in \"" + text + "\"");
            } else {
                examples.add(new Example(term.group(1), template.get(), text));
            }
        }
    }

    private static Optional<String> firstTemplateAfter(String text) {
        int first = Integer.MAX_VALUE;
        String found = null;
        for (ContractTemplate template : SHIPPED.all()) {
            Matcher named = Pattern.compile("(?<![\\w-])" + Pattern.quote(template.id()) + "(?![\\w-])").matcher(text);
            if (named.find() && named.start() < first) {
                first = named.start();
                found = template.id();
            }
        }
        return Optional.ofNullable(found);
    }
}
