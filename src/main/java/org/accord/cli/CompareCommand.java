package org.accord.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.accord.evaluation.ContractChoice;
import org.accord.scenarios.CompareRequest;
import org.accord.scenarios.ComparisonResult;
import org.accord.scenarios.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares proposals with a baseline contract on the same facts: the terms that differ, and the change "
                + "in the IPA's totals, each practice's total and every settlement line, largest first.",
                "A contract is a template id, optionally with overrides: mssp-basic:maximumSharingRate=0.50,electedMinimumSavingsRate=0.02"})
class CompareCommand implements Callable<Integer> {

    @Mixin
    FactsOptions facts;

    /** The data directory whose published templates may be named. */
    @Mixin
    RunsCommand.Where where;

    @Option(names = "--baseline", required = true, paramLabel = "CONTRACT", description = "The contract as it stands.")
    String baseline;

    @Option(names = "--proposal", required = true, paramLabel = "CONTRACT", description = "A proposal (repeatable).")
    List<String> proposals = new ArrayList<>();

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "Practices and lines shown per proposal in the report (default ${DEFAULT-VALUE}; 0: all). JSON and CSV have all.")
    int top;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        output.apartFrom(facts.facts);
        List<ContractChoice> proposed = proposals.stream().map(proposal -> Contracts.parse(proposal, "--proposal")).toList();
        ContractChoice base = Contracts.parse(baseline, "--baseline");
        List<String> templates = new ArrayList<>(List.of(base.templateId()));
        proposed.forEach(proposal -> templates.add(proposal.templateId()));
        ComparisonResult result = new Scenarios(ServedTemplates.evaluations(where.directory(), templates))
                .compare(new CompareRequest(facts.load(), base, proposed));
        output.print(result, () -> report(result, proposed));
        return 0;
    }

    private String report(ComparisonResult result, List<ContractChoice> proposed) {
        StringBuilder out = new StringBuilder();
        ComparisonResult.Side base = result.baseline();
        out.append("Comparison for ").append(result.ipaId()).append(", performance year ").append(result.performanceYear()).append('\n');
        out.append("Baseline: ").append(Contracts.describe(new ContractChoice(base.templateId(), base.overrides())))
                .append(" (").append(base.templateVersion()).append(")\n");
        for (ComparisonResult.ProposalComparison p : result.proposals()) {
            out.append("\nProposal ").append(p.proposal()).append(": ")
                    .append(Contracts.describe(proposed.get(p.proposal() - 1))).append('\n');
            if (p.termDifferences().isEmpty()) {
                out.append("  The terms do not differ.\n");
            } else {
                TextTable terms = new TextTable("clause", "parameter", "baseline", "proposal");
                for (ComparisonResult.TermDifference t : p.termDifferences()) {
                    terms.row(t.clause(), t.parameter(), value(t.baselineValue()), value(t.proposalValue()));
                }
                out.append("  Terms that differ\n").append(terms.render("    "));
            }
            TextTable ipa = new TextTable("IPA total", "baseline", "proposal", "change");
            p.ipaTotals().forEach(d -> ipa.row(d.item(), d.baseline().toPlainString(),
                    d.proposal().toPlainString(), signed(d.delta())));
            out.append("\n").append(ipa.render("  "));
            TextTable practices = new TextTable("practice", "name", "baseline", "proposal", "change");
            limit(p.practices()).forEach(d -> practices.row(d.item(), truncate(d.name(), 32), d.baseline().toPlainString(),
                    d.proposal().toPlainString(), signed(d.delta())));
            out.append("\n  Practices, largest change first").append(more(p.practices().size())).append('\n')
                    .append(practices.render("  "));
            TextTable lines = new TextTable("scope", "clause", "detail", "baseline", "proposal", "change", "rule");
            limit(p.lines()).forEach(l -> lines.row(l.scope(), l.clause(), l.detail(), l.baseline().toPlainString(),
                    l.proposal().toPlainString(), signed(l.delta()),
                    truncate(l.baselineRule() == null ? l.rule() : l.rule() + " (baseline: " + l.baselineRule() + ")", 60)));
            out.append("\n  Lines, largest change first").append(more(p.lines().size())).append('\n').append(lines.render("  "));
        }
        out.append("\nRules ").append(result.rulesHash()).append('\n').append("Facts ").append(result.factsHash()).append('\n');
        return out.toString();
    }

    private <T> List<T> limit(List<T> items) {
        return top <= 0 || items.size() <= top ? items : items.subList(0, top);
    }

    private String more(int size) {
        return top <= 0 || size <= top ? "" : " (" + top + " of " + size + "; --top 0 shows all)";
    }

    static String signed(BigDecimal amount) {
        String text = TextTable.readable(amount.toPlainString());
        return amount.signum() > 0 ? "+" + text : text;
    }

    private static String value(Object value) {
        return value == null ? "(none)" : value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }

    static String truncate(String s, int n) {
        return s == null ? "" : s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
