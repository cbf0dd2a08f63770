package org.accord.api;

import org.accord.evaluation.EvaluationService;
import org.accord.scenarios.Scenarios;
import org.accord.security.SecurityConfiguration;
import org.accord.store.DataDirectory;
import org.accord.store.StoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The REST service. Templates are loaded and the rules (compiled at build time) opened once, at
 * start-up. Runs are stored in the database {@code spring.datasource.url} names, by default an H2
 * file in the data directory (tests that name none get a fresh in-memory database).
 */
@SpringBootApplication
@Import({SecurityConfiguration.class, StoreConfiguration.class})
public class AccordService {

    public static void start(String[] args) {
        SpringApplication service = new SpringApplication(AccordService.class);
        service.setDefaultProperties(DataDirectory.defaultProperties());
        service.run(args);
    }

    @Bean
    EvaluationService evaluationService() {
        return EvaluationService.load();
    }

    /**
     * The what-if scenarios, over the same compiled rules. Simulations leave a processor to
     * interactive requests unless configured otherwise ({@link JobSettings#simulationThreads}).
     */
    @Bean
    Scenarios scenarios(EvaluationService evaluations, JobSettings jobs) {
        return new Scenarios(evaluations, jobs.simulationThreads(Runtime.getRuntime().availableProcessors()));
    }
}
