package org.accord.api;

import org.accord.evaluation.EvaluationService;
import org.accord.scenarios.Scenarios;
import org.accord.security.SecurityConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The REST service. Rules and templates are compiled and loaded once, at start-up. */
@SpringBootApplication
@Import(SecurityConfiguration.class)
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
