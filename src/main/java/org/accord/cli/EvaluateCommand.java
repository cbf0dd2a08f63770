package org.accord.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.settlement.Settlement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Settles a contract against an IPA's performance facts and prints the settlement.")
class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--template", required = true, description = "Contract template id (see 'templates': shipped, or published in the data directory).")
    String template;

    @Mixin
    FactsOptions facts;

    /** The data directory whose published templates may be named. */
    @Mixin
    RunsCommand.Where where;

    @Option(names = "--set", paramLabel = "NAME=VALUE", parameterConsumer = OverrideOnce.class, description = "Override a parameter (repeatable), for example "
            + "maximumSharingRate=0.60 under mssp-basic ('templates TEMPLATE' lists a template's parameters).")
    Map<String, String> overrides = new LinkedHashMap<>();

    /** --json prints the API's answer, field for field; --csv writes the settlement's lines, one row a line. */
    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        output.apartFrom(facts.facts);
        EvaluationService service = ServedTemplates.evaluations(where.directory(), List.of(template));
        Contracts.prepareRules(service, template);
        PerformanceFacts performance = facts.load();
        Settlement settlement = service.evaluate(Contracts.of(template, overrides), performance);
        output.print(settlement, () -> SettlementTable.linesTable(settlement),
                () -> SettlementTable.render(settlement, facts::inTheUsersWords));
        return 0;
    }
}
