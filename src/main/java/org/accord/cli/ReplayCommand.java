package org.accord.cli;

import java.util.concurrent.Callable;
import org.accord.evaluation.EvaluationService;
import org.accord.replay.Replay;
import org.accord.store.StoredRun;
import org.accord.store.Stores;
import org.accord.validation.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A stored evaluation replayed from the data directory, without a web server, exactly as
 * {@code POST /api/v1/evaluations/{id}/replay} does it (docs/store.md). The exit code tells a
 * script the verdict: 0 identical, 1 different, 2 no such evaluation or bad options, 3 an error
 * stopped the replay (no verdict).
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Evaluates a stored run again, with its stored rule files (default) or the current ones, and "
                + "prints 'identical' or every field that differs. Exit code: 0 identical, 1 different, 2 bad input, "
                + "3 an error (no verdict).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:identical", "1:different", "2:no such stored evaluation, or bad options",
                "3:an error stopped the replay (the store lacks what the run names, the database cannot be read): no verdict"})
class ReplayCommand implements Callable<Integer> {

    static final int IDENTICAL = 0;
    static final int DIFFERENT = 1;

    @Mixin
    RunsCommand.Where where;

    private static final String RUN_ID = "RUN-ID";

    @Parameters(index = "0", paramLabel = RUN_ID, description = "The stored evaluation's id (see 'runs list').")
    String id;

    @Option(names = "--rules", defaultValue = "stored", paramLabel = "stored|current",
            description = "The rule files to evaluate with: the run's own, read back from the store (default), or the current ones.")
    String rules;

    @Option(names = "--json", description = "Print the answer as the API's replay answer (JSON) instead of a report.")
    boolean json;

    @Override
    public Integer call() {
        Replay.Rules which = Replay.Rules.of(rules).orElse(null);
        if (which == null) {
            throw new InvalidInputException("--rules", "expected 'stored' or 'current', not '" + rules + "'");
        }
        Stores stores = Stores.open(where.directory()).orElse(null);
        StoredRun run = stores == null ? null : stores.runs().find(id).orElse(null);
        if (run == null) {
            throw new InvalidInputException(RUN_ID, "no stored run '" + id + "' in " + where.directory());
        }
        if (!"evaluation".equals(run.summary().kind())) {
            throw new InvalidInputException(RUN_ID, "stored run '" + id + "' is a " + run.summary().kind()
                    + " scenario, not an evaluation: only evaluations are replayed ('runs show " + id + "' prints it)");
        }
        Replay.Result result = new Replay(EvaluationService.load(), stores.content(), stores.contracts(), stores.facts())
                .replay(run, which);
        System.out.print(json ? OutputOptions.asAnswered(result)
                : report(result));
        return result.identical() ? IDENTICAL : DIFFERENT;
    }

    /** The verdict, then one line per differing field: where, the stored value, the replayed one. */
    static String report(Replay.Result result) {
        StringBuilder out = new StringBuilder();
        out.append("run       ").append(result.evaluationId()).append('\n');
        out.append("rules     ").append(result.rules()).append(", ").append(result.rulesHash());
        if (result.compiledRules()) {
            out.append(" (compiled in ").append(result.compileMillis()).append(" ms)");
        }
        out.append('\n');
        out.append("outcome   ").append(result.outcome());
        if (!result.identical()) {
            out.append(", ").append(result.differences().size()).append(result.differences().size() == 1 ? " field" : " fields");
        }
        out.append('\n');
        for (Replay.Difference difference : result.differences()) {
            out.append(difference.pointer()).append("  stored ").append(absentOr(difference.stored()))
                    .append("  replayed ").append(absentOr(difference.replayed())).append('\n');
        }
        return out.toString();
    }

    private static String absentOr(String json) {
        return json == null ? "(absent)" : json;
    }
}
