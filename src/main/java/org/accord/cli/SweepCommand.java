package org.accord.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.accord.scenarios.Scenarios;
import org.accord.scenarios.SweepRequest;
import org.accord.scenarios.SweepResult;
import org.accord.settlement.Settlement;
import org.accord.validation.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Settles the contract at every point of a range of one or two parameters and prints the IPA's and "
                + "each practice's totals at each point. Every point goes through the same compiled rules.")
class SweepCommand implements Callable<Integer> {

    /** Beyond this many points the practices' table is left to CSV and JSON. */
    private static final int PRACTICE_COLUMNS_SHOWN = 10;

    @Mixin
    FactsOptions facts;

    /** The data directory whose published templates may be named. */
    @Mixin
    RunsCommand.Where where;

    @Option(names = "--template", required = true, description = "Contract template id (see 'templates': shipped, or published in the data directory).")
    String template;

    @Option(names = "--set", paramLabel = "NAME=VALUE", parameterConsumer = OverrideOnce.class, description = "Override a parameter at every point (repeatable).")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--vary", required = true, paramLabel = "NAME=START:END:STEP",
            description = "A parameter's range, for example maximumSharingRate=0.40:0.70:0.05 under mssp-basic (give twice for a grid).")
    List<String> vary = new ArrayList<>();

    @Mixin
    OutputOptions output;

    @Mixin
    ProgressOptions progress;

    @Override
    public Integer call() {
        output.apartFrom(facts.facts);
        List<SweepRequest.Range> ranges = vary.stream().map(SweepCommand::range).toList();
        SweepRequest request = new SweepRequest(Contracts.of(template, overrides), facts.load(), ranges);
        SweepResult result;
        try (ProgressLine line = progress.start("sweep", "points")) {
            result = new Scenarios(ServedTemplates.evaluations(where.directory(), List.of(template))).sweep(request, line);
        }
        output.print(result, () -> report(result));
        return 0;
    }

    /** A --vary value; one that does not parse is bad input at --vary, not a failure. */
    private static SweepRequest.Range range(String text) {
        try {
            return SweepRequest.Range.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--vary", e.getMessage());
        }
    }

    private static String report(SweepResult result) {
        StringBuilder out = new StringBuilder();
        out.append("Sweep of ").append(String.join(" and ", result.parameters())).append(" under ").append(result.templateId());
        if (!result.overrides().isEmpty()) {
            out.append(" with ").append(result.overrides());
        }
        out.append(", ").append(result.ipaId()).append(", performance year ").append(result.performanceYear()).append('\n');
        out.append(result.points().size()).append(" points, each settled by the rules like a single evaluation.\n\n");
        List<String> columns = new ArrayList<>(result.parameters());
        columns.addAll(List.of("payer total", "IPA pool", "retained by IPA", "risk sharing"));
        TextTable ipa = new TextTable(columns);
        for (SweepResult.Point point : result.points()) {
            List<String> row = new ArrayList<>();
            point.values().values().forEach(v -> row.add(v.toPlainString()));
            row.add(point.payerTotal().toPlainString());
            row.add(point.ipaPool().toPlainString());
            row.add(point.retainedByIpa().toPlainString());
            row.add(point.riskSharing().toPlainString());
            ipa.row(row);
        }
        out.append("IPA\n").append(ipa.render("  "));
        if (result.points().size() > PRACTICE_COLUMNS_SHOWN) {
            out.append("\nPractices' totals at each point: use --csv FILE or --json (").append(result.points().size())
                    .append(" points are too many columns to print).\n");
            return out.toString();
        }
        List<String> practiceColumns = new ArrayList<>(List.of("practice"));
        for (SweepResult.Point point : result.points()) {
            practiceColumns.add(String.join("/", point.values().values().stream().map(v -> v.toPlainString()).toList()));
        }
        TextTable practices = new TextTable(practiceColumns);
        int count = result.points().get(0).practices().size();
        for (int i = 0; i < count; i++) {
            List<String> row = new ArrayList<>();
            Settlement.PracticeTotal first = result.points().get(0).practices().get(i);
            row.add(first.practiceId() + " " + CompareCommand.truncate(first.name(), 28));
            for (SweepResult.Point point : result.points()) {
                row.add(point.practices().get(i).total().toPlainString());
            }
            practices.row(row);
        }
        out.append("\nPractices' totals (columns: ").append(String.join("/", result.parameters())).append(")\n")
                .append(practices.render("  "));
        return out.toString();
    }
}
