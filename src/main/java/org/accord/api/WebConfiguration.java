package org.accord.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.accord.evaluation.EvaluationService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.info.InfoContributor;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.validation.beanvalidation.MethodValidationExcludeFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Validator;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the HTTP layer: strict JSON, the transport types' constraints, the body size limit,
 * encoded slashes in rule paths, problems for what Tomcat refuses itself, build info.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final TransportConstraints transportConstraints = new TransportConstraints();

    /** Validates {@code @Valid} bodies; every transport type's constraints are read now, at start-up. */
    @Override
    public Validator getValidator() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> true);
        TransportConstraints.inspect(scanner.findCandidateComponents("org.accord.api.generated.model").stream()
                .<Class<?>>map(definition -> ClassUtils.resolveClassName(definition.getBeanClassName(), getClass().getClassLoader()))
                .toList());
        return transportConstraints;
    }

    /** Replaces Spring Boot's mapper for request and response bodies. */
    @Bean
    JsonMapper jsonMapper() {
        return WebJson.mapper();
    }

    /**
     * Request bodies are validated once, by Spring MVC ({@code @Valid}); the {@code @Validated}
     * of the generated interfaces would also wrap each controller in a proxy that validates them a
     * second time, about a fifth of an evaluation's CPU. Path parameters are checked by the controllers.
     */
    @Bean
    static MethodValidationExcludeFilter controllersValidatedBySpringMvc() {
        return MethodValidationExcludeFilter.byAnnotation(RestController.class);
    }

    @Bean
    RuleFiles ruleFiles(EvaluationService evaluations) {
        return RuleFiles.of(evaluations.rules());
    }

    @Bean
    ExampleFacts exampleFacts() {
        return ExampleFacts.load();
    }

    @Bean
    FilterRegistrationBean<WellFormedJsonText> wellFormedJsonText() {
        FilterRegistrationBean<WellFormedJsonText> registration = new FilterRegistrationBean<>(new WellFormedJsonText());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
            @Value("${accord.api.max-request-size:2MB}") DataSize maxRequestSize, JsonMapper jsonMapper) {
        FilterRegistrationBean<RequestSizeLimit> registration =
                new FilterRegistrationBean<>(new RequestSizeLimit(maxRequestSize.toBytes(), jsonMapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Before everything else, so that even a refused request's log lines carry its id. */
    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * A rule path arrives from generated clients as one segment with its slash encoded
     * ({@code payment%2Fshared-savings.drl}); Tomcat rejects %2F unless told to pass it through
     * to Spring, which decodes it within the segment.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesPassThrough() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }

    /** Tomcat's own refusals (malformed paths) as problems: the host's error report valve. */
    @Bean
    TomcatContextCustomizer problemsFromTomcat() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        };
    }

    @Bean
    FilterRegistrationBean<AnswersNotLabelledAsProblems> answersNotLabelledAsProblems() {
        return new FilterRegistrationBean<>(new AnswersNotLabelledAsProblems());
    }

    /**
     * Before the JSON converter: an answer written once for its stored run is sent as those bytes,
     * and an evaluation's body is read with the JSON converter's mapper and kept as sent for its run;
     * both the JSON converter and that reading name every field of a body that holds no decimal.
     */
    @Override
    public void extendMessageConverters(java.util.List<org.springframework.http.converter.HttpMessageConverter<?>> converters) {
        int json = java.util.stream.IntStream.range(0, converters.size())
                .filter(i -> converters.get(i) instanceof JacksonJsonHttpMessageConverter)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no JSON converter to read evaluation requests as it does"));
        JsonMapper bodies = ((JacksonJsonHttpMessageConverter) converters.get(json)).getMapper();
        // The same mapper, naming every field of a body that holds no decimal rather than the first.
        converters.set(json, new EveryDecimalNamed(bodies));
        converters.add(0, new AnswerWrittenOnce());
        converters.add(1, new RequestBodyAsSent(bodies));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ProblemOnlyAccept());
        registry.addInterceptor(new DocumentedParameters());
    }

    /** {@code /actuator/info}: which rules and templates this server evaluates with. */
    @Bean
    InfoContributor accordInfo(EvaluationService evaluations) {
        return builder -> {
            Map<String, Object> accord = new LinkedHashMap<>();
            accord.put("rulesHash", evaluations.rules().hash());
            accord.put("templates", evaluations.templates().all().stream().map(t -> t.id() + "@" + t.version()).toList());
            builder.withDetail("accord", accord);
        };
    }
}
