package org.accord.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;
import org.accord.settlement.Settlement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Settles a contract against an IPA's performance facts and prints the settlement.")
class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--template", required = true, description = "Contract template id (see 'templates').")
    String template;

    @Mixin
    FactsOptions facts;

    @Option(names = "--set", description = "Override a parameter: --set sharingRate=0.60 (repeatable).")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print the settlement as JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        EvaluationService service = EvaluationService.load();
        Contracts.prepareRules(service, template);
        PerformanceFacts performance = facts.load();
        Settlement settlement = service.evaluate(Contracts.of(template, overrides), performance);
        System.out.print(json ? Json.write(settlement) : SettlementTable.render(settlement));
        return 0;
    }
}
