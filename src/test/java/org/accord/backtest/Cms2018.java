package org.accord.backtest;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.accord.evaluation.EvaluationService;
import org.accord.settlement.Settlement;

/**
 * The 2018 public use file shipped in {@code examples/cms/}, evaluated once for all the tests
 * that read it (compiling the rules and settling 548 ACOs takes a few seconds).
 */
final class Cms2018 {

    static final Path FILE = Path.of("examples/cms/mssp-aco-puf-2018.csv");

    static final EvaluationService SERVICE = EvaluationService.load();
    static final BacktestInput INPUT = Backtest.read(reader());
    static final List<Settlement> SETTLEMENTS = Backtest.evaluate(SERVICE, INPUT);
    static final BacktestResult RESULT = Backtest.compare(INPUT, SETTLEMENTS);

    private Cms2018() {
    }

    static String text() {
        try {
            return Files.readString(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reader reader() {
        return new StringReader(text());
    }

    /** The file's header line and the given ACOs' rows, in file order. */
    static String rowsOf(String... acoIds) {
        List<String> lines = text().lines().toList();
        StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
        lines.stream().skip(1).filter(l -> List.of(acoIds).contains(l.substring(0, l.indexOf(',')))).forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    /** The settlement of one ACO of the file. */
    static Settlement settlementOf(String acoId) {
        for (int i = 0; i < INPUT.size(); i++) {
            if (INPUT.facts().get(i).ipa().id().equals(acoId)) {
                return SETTLEMENTS.get(i);
            }
        }
        throw new IllegalArgumentException("no ACO " + acoId + " in " + FILE);
    }

    /** The outcome of one ACO of the file. */
    static BacktestResult.Outcome outcomeOf(String acoId) {
        return RESULT.rows().stream().filter(r -> r.acoId().equals(acoId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ACO " + acoId + " in " + FILE));
    }
}
