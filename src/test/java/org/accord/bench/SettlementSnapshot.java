package org.accord.bench;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accord.backtest.Backtest;
import org.accord.backtest.BacktestInput;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;
import org.accord.settlement.Settlement;
import org.accord.terms.ContractTemplate;

/**
 * Writes the JSON of settlements to diff before and after an engine change (issue 15: answers
 * byte-identical): each example's facts under every shipped template, one by one and as one batch,
 * and every ACO of each public use file in examples/cms/. A template the facts do not suit writes
 * its problem instead. Run from the repository root, after `mvn test-compile`:
 * {@code java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.accord.bench.SettlementSnapshot <out-dir>}
 */
public final class SettlementSnapshot {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        EvaluationService service = EvaluationService.load();
        List<String> ids = service.templates().all().stream().map(ContractTemplate::id).sorted().toList();
        for (String example : List.of("valley-ipa", "small-panel")) {
            PerformanceFacts facts = Json.readFacts(Path.of("examples/" + example + ".json"));
            StringBuilder text = new StringBuilder();
            for (String id : ids) {
                try {
                    Settlement one = service.evaluate(ContractChoice.of(id), facts);
                    text.append(Json.write(one)).append('\n');
                } catch (RuntimeException e) {
                    text.append(id).append(": ").append(e.getMessage()).append('\n');
                }
            }
            // all templates at once, in one batch as sweeps settle
            List<ContractChoice> all = new ArrayList<>();
            List<PerformanceFacts> same = new ArrayList<>();
            for (String id : ids) { all.add(ContractChoice.of(id)); same.add(facts); }
            try {
                for (Settlement s : service.evaluateAll(all, same)) text.append(Json.write(s)).append('\n');
            } catch (RuntimeException e) { text.append("batch: ").append(e.getMessage()).append('\n'); }
            Files.writeString(out.resolve(example + ".jsonl"), text);
        }
        try (var files = Files.list(Path.of("examples/cms"))) {
            for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                BacktestInput input;
                try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                    input = Backtest.read(reader, org.accord.backtest.Layouts.load(), null, csv.getFileName().toString());
                }
                StringBuilder text = new StringBuilder();
                for (Settlement s : Backtest.evaluate(service, input)) text.append(Json.write(s)).append('\n');
                Files.writeString(out.resolve(csv.getFileName() + ".jsonl"), text);
            }
        }
    }
}
