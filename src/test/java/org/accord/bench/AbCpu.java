package org.accord.bench;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.accord.backtest.Backtest;
import org.accord.backtest.BacktestInput;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;

/**
 * Interleaved A/B of two code paths in one JVM (issue 15): a change under test keeps its old path
 * behind a static boolean field while it is measured; this flips the field between measurements,
 * round by round, so both sides see the same load and JIT state. The work is ProfileRun's: batches
 * of 200 IPAs of the 25-practice example under mssp-basic, and the 2018 backtest's 548 ACOs; and
 * that example evaluated alone, one evaluation per call, as a request settles it. Prints
 * thread CPU per settlement for each side and round. Run from the repository root after
 * `mvn test-compile`:
 * {@code java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.accord.bench.AbCpu <class#field>[,<class#field>...] [rounds] [CPU s per measurement]}
 * Say the load average beside the figures.
 */
public final class AbCpu {

    private AbCpu() {
    }

    public static void main(String[] args) throws Exception {
        List<Field> switches = switches(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 2;
        EvaluationService service = EvaluationService.load();
        Work work = Work.load();
        PerformanceFacts valley = work.valley();
        List<ContractChoice> contracts = work.contracts();
        List<PerformanceFacts> facts = work.facts();
        BacktestInput input = work.backtest();
        ContractChoice basic = ContractChoice.of("mssp-basic");
        IntSupplier single = () -> service.evaluate(basic, valley) == null ? 0 : 1;
        IntSupplier batch = () -> service.evaluateAll(contracts, facts).size();
        IntSupplier backtest = () -> Backtest.compare(input, Backtest.evaluate(service, input)).total();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (boolean old : new boolean[] {true, false}) {
            set(switches, old);
            perUnit(threads, single, seconds);
            perUnit(threads, batch, seconds);
            perUnit(threads, backtest, seconds);
        }
        for (int round = 1; round <= rounds; round++) {
            // Alternate which side goes first, so a drift in load favours neither.
            boolean[] order = round % 2 == 1 ? new boolean[] {true, false} : new boolean[] {false, true};
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (boolean old : order) {
                set(switches, old);
                line.append(String.format(Locale.ROOT, "  %s single %.0f us, batch %.0f us/IPA, backtest %.1f us/ACO", old ? "old" : "new",
                        perUnit(threads, single, seconds), perUnit(threads, batch, seconds), perUnit(threads, backtest, seconds)));
            }
            System.out.println(line);
        }
    }

    /**
     * The work every A/B here times: 200 IPAs of the 25-practice example under mssp-basic as one
     * batch, the example alone, and the 2018 backtest's ACOs.
     */
    public record Work(PerformanceFacts valley, List<ContractChoice> contracts, List<PerformanceFacts> facts, BacktestInput backtest) {

        public static Work load() throws IOException {
            PerformanceFacts valley = Json.readFacts(Path.of("examples/valley-ipa.json"));
            try (Reader reader = Files.newBufferedReader(Path.of("examples/cms/mssp-aco-puf-2018.csv"), StandardCharsets.UTF_8)) {
                return new Work(valley, Collections.nCopies(200, ContractChoice.of("mssp-basic")), Collections.nCopies(200, valley),
                        Backtest.read(reader));
            }
        }
    }

    /** The switches named as {@code Class#field,...}; none for "-". */
    public static List<Field> switches(String names) throws ReflectiveOperationException {
        List<Field> switches = new ArrayList<>();
        if (names.equals("-")) {
            return switches;
        }
        for (String name : names.split(",")) {
            String[] parts = name.split("#");
            Field field = Class.forName(parts[0]).getDeclaredField(parts[1]);
            field.setAccessible(true);
            switches.add(field);
        }
        return switches;
    }

    public static void set(List<Field> switches, boolean old) throws IllegalAccessException {
        for (Field field : switches) {
            field.setBoolean(null, old);
        }
    }

    /** Thread CPU microseconds per unit of work, repeated until the CPU seconds given are used. */
    public static double perUnit(ThreadMXBean threads, IntSupplier work, double seconds) {
        long start = threads.getCurrentThreadCpuTime();
        long until = start + (long) (seconds * 1e9);
        long units = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            units += work.getAsInt();
        }
        return (threads.getCurrentThreadCpuTime() - start) / 1e3 / units;
    }
}
