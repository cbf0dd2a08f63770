package org.accord.api;

import org.accord.evaluation.EvaluationService;
import org.accord.scenarios.Scenarios;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The REST service. Templates are loaded and the rules (compiled at build time) opened once, at start-up. */
@SpringBootApplication
public class AccordService {

    public static void start(String[] args) {
        SpringApplication.run(AccordService.class, args);
    }

    @Bean
    EvaluationService evaluationService() {
        return EvaluationService.load();
    }

    /** The what-if scenarios, over the same compiled rules; simulations use every processor. */
    @Bean
    Scenarios scenarios(EvaluationService evaluations) {
        return new Scenarios(evaluations);
    }
}
