package org.accord.scenarios;

import java.nio.file.Path;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;

/** The compiled rules and the example facts, loaded once for every scenario test. */
final class Fixtures {

    static final EvaluationService SERVICE = EvaluationService.load();
    static final PerformanceFacts VALLEY = Json.readFacts(Path.of("examples/valley-ipa.json"));
    static final PerformanceFacts SMALL_PANEL = Json.readFacts(Path.of("examples/small-panel.json"));

    private Fixtures() {
    }

    static Scenarios scenarios() {
        return new Scenarios(SERVICE, 2);
    }
}
