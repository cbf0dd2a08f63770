package org.accord.scenarios;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;
import org.accord.terms.ContractTemplate;
import org.accord.terms.ParameterDeclaration;
import org.accord.terms.ParameterType;

/**
 * Writes the JSON of sweeps and simulations to diff before and after a change to the scenarios
 * (issue 15: results byte-identical): the example requests in examples/scenarios; for each example's
 * facts under every shipped template, a sweep of every negotiable rate, amount, number and count
 * parameter (on two threads) and a simulation of 300 trials on one thread and on two (which must agree); and
 * ScenarioBenchmark's 20-point sweep and 10,000 trials. A request the facts or terms do not suit
 * writes its problem instead. Run from the repository root, after {@code mvn test-compile}:
 * {@code java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.accord.scenarios.ScenarioSnapshot <out-dir>}
 */
public final class ScenarioSnapshot {

    private ScenarioSnapshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        EvaluationService service = EvaluationService.load();
        Scenarios one = new Scenarios(service, 1);
        Scenarios two = new Scenarios(service, 2);
        StringBuilder examples = new StringBuilder();
        for (String file : List.of("sweep-sharing-rate.json", "sweep-corridor.json")) {
            examples.append(Json.write(two.sweep(Json.MAPPER.readValue(Path.of("examples/scenarios", file).toFile(), SweepRequest.class))))
                    .append('\n');
        }
        SimulationRequest small = Json.MAPPER.readValue(Path.of("examples/scenarios/simulate-small-panel.json").toFile(),
                SimulationRequest.class).withTrials(2_000);
        examples.append(Json.write(two.simulate(small))).append('\n');
        PerformanceFacts valley = Json.readFacts(Path.of("examples/valley-ipa.json"));
        ContractChoice basic = ContractChoice.of("mssp-basic");
        examples.append(Json.write(two.sweep(new SweepRequest(basic, valley, List.of(new SweepRequest.Range("maximumSharingRate",
                new BigDecimal("0.40"), new BigDecimal("0.78"), new BigDecimal("0.02"))))))).append('\n');
        examples.append(Json.write(two.simulate(SimulationRequest.of(basic, valley).withTrials(10_000).withSeed(42)))).append('\n');
        Files.writeString(out.resolve("examples.jsonl"), examples);

        List<ContractTemplate> templates = service.templates().all().stream()
                .sorted(java.util.Comparator.comparing(ContractTemplate::id)).toList();
        for (String example : List.of("valley-ipa", "small-panel")) {
            PerformanceFacts facts = Json.readFacts(Path.of("examples/" + example + ".json"));
            StringBuilder text = new StringBuilder();
            for (ContractTemplate template : templates) {
                ContractChoice contract = ContractChoice.of(template.id());
                for (ParameterDeclaration parameter : template.clauses().stream().flatMap(c -> c.parameters().stream()).distinct().toList()) {
                    SweepRequest.Range range = range(parameter, facts.period().performanceYear());
                    if (range == null) {
                        continue;
                    }
                    text.append(template.id()).append(' ').append(parameter.name()).append(": ");
                    try {
                        text.append(Json.write(two.sweep(new SweepRequest(contract, facts, List.of(range)))));
                    } catch (RuntimeException e) {
                        text.append(e.getMessage());
                    }
                    text.append('\n');
                }
                text.append(template.id()).append(" simulation: ");
                try {
                    SimulationRequest request = SimulationRequest.of(contract, facts).withTrials(300).withSeed(7);
                    String alone = Json.write(one.simulate(request));
                    String shared = Json.write(two.simulate(request));
                    text.append(alone.equals(shared) ? alone : "ONE AND TWO THREADS DIFFER");
                } catch (RuntimeException e) {
                    text.append(e.getMessage());
                }
                text.append('\n');
            }
            Files.writeString(out.resolve(example + ".jsonl"), text);
        }
    }

    /** Seven points around the template's value for the year, within its bounds; null for a parameter not swept. */
    private static SweepRequest.Range range(ParameterDeclaration parameter, int year) {
        if (!parameter.negotiable() || !List.of(ParameterType.RATE, ParameterType.AMOUNT, ParameterType.NUMBER,
                ParameterType.COUNT).contains(parameter.type())) {
            return null;
        }
        Object value;
        try {
            value = parameter.valueIn(year);
        } catch (IllegalArgumentException e) {
            return null;
        }
        BigDecimal v = value instanceof Integer n ? BigDecimal.valueOf(n) : (BigDecimal) value;
        if (parameter.type() == ParameterType.COUNT) {
            BigDecimal start = v.subtract(BigDecimal.valueOf(3)).max(parameter.minimum() == null ? BigDecimal.ZERO : parameter.minimum());
            return new SweepRequest.Range(parameter.name(), start, start.add(BigDecimal.valueOf(6)), BigDecimal.ONE);
        }
        BigDecimal low = parameter.minimum() != null ? parameter.minimum() : v.divide(BigDecimal.valueOf(2));
        BigDecimal high = parameter.maximum() != null ? parameter.maximum() : v.multiply(BigDecimal.valueOf(2)).max(BigDecimal.ONE);
        BigDecimal step = high.subtract(low).divide(BigDecimal.valueOf(6), 4, RoundingMode.DOWN);
        return step.signum() > 0 ? new SweepRequest.Range(parameter.name(), low, high, step) : null;
    }
}
