package org.accord.bench;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.accord.backtest.Backtest;
import org.accord.backtest.BacktestInput;
import org.accord.evaluation.EvaluationService;
import org.accord.io.Json;

/**
 * The 2018 backtest's evaluation as BacktestBenchmark times it ({@code evaluateAll} of the file's 548 ACOs,
 * one thread), for {@link ClassesAbCpu} with {@code -Dab.work=org.accord.bench.BacktestWork}: each side loads
 * this class from its own classes.
 */
public final class BacktestWork {

    private BacktestWork() {
    }

    /** The ACOs settled, once per call; answers how many. */
    public static IntSupplier trials() throws Exception {
        EvaluationService service = EvaluationService.load();
        BacktestInput input = input();
        return () -> service.evaluateAll(input.contracts(), input.facts()).size();
    }

    /** The settlements' JSON, to check that both sides give the same. */
    public static Supplier<String> json() throws Exception {
        EvaluationService service = EvaluationService.load();
        BacktestInput input = input();
        return () -> Json.write(service.evaluateAll(input.contracts(), input.facts()));
    }

    private static BacktestInput input() throws Exception {
        try (Reader reader = Files.newBufferedReader(Path.of("examples/cms/mssp-aco-puf-2018.csv"), StandardCharsets.UTF_8)) {
            return Backtest.read(reader);
        }
    }
}
