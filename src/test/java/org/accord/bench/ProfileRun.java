package org.accord.bench;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.accord.backtest.Backtest;
import org.accord.backtest.BacktestInput;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;
import org.accord.settlement.Settlement;

/**
 * The warm work issue 15 asks to profile, on one thread, each under its own flight recording
 * (JFR's "profile" settings): batches of the 25-practice example under mssp-basic (sessions of 200
 * IPAs, as SettlementBenchmark) and the 2018 backtest's 548 ACOs (as BacktestBenchmark). Each is
 * warmed, then recorded; the figure is thread CPU time per settlement, which a loaded machine
 * changes far less than wall time. Run by bench/profile/run.sh.
 */
public final class ProfileRun {

    private ProfileRun() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/profile");
        long warmCpuSeconds = args.length > 1 ? Long.parseLong(args[1]) : 20;
        long recordedCpuSeconds = args.length > 2 ? Long.parseLong(args[2]) : 20;
        Files.createDirectories(out);
        EvaluationService service = EvaluationService.load();

        PerformanceFacts valley = Json.readFacts(Path.of("examples/valley-ipa.json"));
        List<ContractChoice> contracts = Collections.nCopies(200, ContractChoice.of("mssp-basic"));
        List<PerformanceFacts> facts = Collections.nCopies(200, valley);
        phase("batch", out, warmCpuSeconds, recordedCpuSeconds, "IPA of 25 practices", () -> count(service.evaluateAll(contracts, facts)));

        BacktestInput input;
        try (Reader reader = Files.newBufferedReader(Path.of("examples/cms/mssp-aco-puf-2018.csv"), StandardCharsets.UTF_8)) {
            input = Backtest.read(reader);
        }
        phase("backtest", out, warmCpuSeconds, recordedCpuSeconds, "ACO",
                () -> Backtest.compare(input, Backtest.evaluate(service, input)).total());
    }

    private static int count(List<Settlement> settlements) {
        return settlements.size();
    }

    /** Runs work until it has used the CPU time given, warm first, then recorded; prints CPU per unit. */
    private static void phase(String name, Path out, long warmCpuSeconds, long recordedCpuSeconds, String unit, IntSupplier work)
            throws IOException, java.text.ParseException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        runFor(threads, warmCpuSeconds, work);
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            long[] done = runFor(threads, recordedCpuSeconds, work);
            recording.stop();
            recording.dump(out.resolve(name + ".jfr"));
            System.out.printf(Locale.ROOT, "%s: %,d settlements (%s) in %.1f s of thread CPU, %.1f us CPU each, %.0f per CPU second%n",
                    name, done[0], unit, done[1] / 1e9, done[1] / 1e3 / done[0], done[0] / (done[1] / 1e9));
        }
    }

    /** Repeats work until this thread has used the CPU seconds given; returns units done and CPU nanoseconds used. */
    private static long[] runFor(ThreadMXBean threads, long cpuSeconds, IntSupplier work) {
        long start = threads.getCurrentThreadCpuTime();
        long units = 0;
        long used;
        do {
            units += work.getAsInt();
            used = threads.getCurrentThreadCpuTime() - start;
        } while (used < cpuSeconds * 1_000_000_000L);
        return new long[] {units, used};
    }
}
