package org.accord.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.accord.evaluation.EvaluationService;
import org.accord.scenarios.Scenarios;
import org.accord.security.SecurityConfiguration;
import org.accord.store.DataDirectory;
import org.accord.store.H2FileCompaction;
import org.accord.store.StoreConfiguration;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.SpringProperties;
import org.springframework.util.ClassUtils;

/**
 * The REST service. Templates are loaded and the rules (compiled at build time) opened once, at
 * start-up. Runs are stored in the database {@code spring.datasource.url} names, by default an H2
 * file in the data directory (tests that name none get a fresh in-memory database).
 *
 * <p>Started from the jar, the service runs on the bean definitions the build generated
 * (ahead-of-time processing, docs/performance.md "Spring AOT for the service's start"): its
 * conditions were evaluated at build time. Bearer tokens are therefore decided by
 * {@link SecurityConfiguration} at run time, not by Boot's resource-server auto-configuration.
 */
@SpringBootApplication(exclude = OAuth2ResourceServerAutoConfiguration.class)
@Import({SecurityConfiguration.class, StoreConfiguration.class})
public class AccordService {

    /**
     * The shipped templates, read, composed, checked and hashed on their own thread while Spring
     * starts on this one (the machine's other core; docs/performance.md, "Service start"), taken
     * once by {@link #evaluationService()}. A context made otherwise (tests) loads them itself.
     */
    private static final AtomicReference<CompletableFuture<EvaluationService>> PRELOADED = new AtomicReference<>();

    private static final String JDK_TRANSFORMERS_PROPERTY = "javax.xml.transform.TransformerFactory";
    private static final String JDK_TRANSFORMERS = "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl";

    public static void start(String[] args) {
        PRELOADED.set(CompletableFuture.supplyAsync(AccordService::loadEveryTemplate, task -> {
            Thread loader = new Thread(task, "accord-templates-loader");
            loader.setDaemon(true);
            loader.start();
        }));
        useTheJdksXmlTransformers();
        SpringApplication service = new SpringApplication(AccordService.class);
        service.setDefaultProperties(DataDirectory.defaultProperties());
        service.addListeners(new H2FileCompaction());
        useGeneratedBeanDefinitions(service);
        service.run(args);
    }

    /**
     * Turns on the bean definitions generated at build time (Spring reads the flag from system
     * properties) unless the operator chose ({@code -Dspring.aot.enabled=false}), the build is
     * generating them right now, or these classes were built without them (an IDE's build).
     */
    private static void useGeneratedBeanDefinitions(SpringApplication service) {
        Class<?> main = service.getMainApplicationClass();
        if (SpringProperties.getProperty(AotDetector.AOT_ENABLED) != null || Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)
                || main == null) {
            return;
        }
        if (ClassUtils.isPresent(main.getName() + "__ApplicationContextInitializer", AccordService.class.getClassLoader())) {
            System.setProperty(AotDetector.AOT_ENABLED, "true");
        }
    }

    /**
     * Spring's XML message converters each ask JAXP for a {@code TransformerFactory} at start, and
     * JAXP's service lookup finds Saxon (on the class path for the decision tables' FEEL, which
     * uses it directly, not through JAXP): a signed jar, so its classes are verified and cannot be
     * in the class-data archive, and each factory builds a Saxon configuration. The service never
     * transforms XML, so the JDK's own factory serves; about 1.7 s of CPU less to the first healthy
     * answer on a loaded 2-core machine (docs/performance.md, "Service start: the first request and
     * the lambdas archived").
     * An operator's {@code -Djavax.xml.transform.TransformerFactory} is kept.
     */
    private static void useTheJdksXmlTransformers() {
        if (System.getProperty(JDK_TRANSFORMERS_PROPERTY) == null) {
            System.setProperty(JDK_TRANSFORMERS_PROPERTY, JDK_TRANSFORMERS);
        }
    }

    // The service lists every template at start (the store, the published ones): read them all here,
    // off the main thread, rather than one by one as the command line does.
    private static EvaluationService loadEveryTemplate() {
        EvaluationService service = EvaluationService.load();
        service.templates().all();
        return service;
    }

    @Bean
    EvaluationService evaluationService() {
        CompletableFuture<EvaluationService> preloaded = PRELOADED.getAndSet(null);
        if (preloaded == null) {
            return EvaluationService.load();
        }
        try {
            return preloaded.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
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
