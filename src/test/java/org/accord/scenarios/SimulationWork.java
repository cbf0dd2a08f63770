package org.accord.scenarios;

import java.nio.file.Path;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;

/**
 * The work {@link org.accord.bench.ClassesAbCpu} times on each side: ScenarioCpu's simulation (the
 * 25-practice example under mssp-basic, 200 trials, seed 42, one thread). Loaded once per side, each
 * side with its own classes and compiled rules, so it names only what both sides have.
 */
public final class SimulationWork {

    private SimulationWork() {
    }

    /** The simulation, run once per call; answers the trials it settled. */
    public static IntSupplier trials() throws Exception {
        Scenarios scenarios = new Scenarios(EvaluationService.load(), 1);
        SimulationRequest request = request();
        return () -> scenarios.simulate(request).trials();
    }

    /** The simulation's JSON, to check that both sides give the same. */
    public static Supplier<String> json() throws Exception {
        Scenarios scenarios = new Scenarios(EvaluationService.load(), 1);
        SimulationRequest request = request();
        return () -> {
            try {
                return Json.write(scenarios.simulate(request));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static SimulationRequest request() throws Exception {
        PerformanceFacts valley = Json.readFacts(Path.of("examples/valley-ipa.json"));
        return SimulationRequest.of(ContractChoice.of("mssp-basic"), valley).withTrials(200).withSeed(42);
    }
}
