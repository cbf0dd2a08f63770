package org.accord.testing;

import java.nio.file.Path;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;

/** The compiled rules, shared by the tests of one JVM: compiling takes seconds, evaluating microseconds. */
public final class Engine {

    private static EvaluationService service;

    private Engine() {
    }

    public static synchronized EvaluationService service() {
        if (service == null) {
            service = EvaluationService.load();
        }
        return service;
    }

    public static PerformanceFacts example(String name) {
        return Json.readFacts(Path.of("examples", name + ".json"));
    }
}
