package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.accord.api.generated.model.EvaluationRequest;
import org.accord.api.generated.model.PracticePerformance;
import org.accord.api.generated.model.QualityMeasureCount;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/** The fast check of the generated constraints finds what Hibernate Validator finds, field for field. */
class TransportConstraintsTest {

    private static final JsonMapper MAPPER = WebJson.mapper();
    private static final SpringValidatorAdapter HIBERNATE_VALIDATOR =
            new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator());

    private static EvaluationRequest request() {
        return MAPPER.readValue(ServerTest.read("examples/valley-ipa-request.json"), EvaluationRequest.class);
    }

    private static Set<String> problems(org.springframework.validation.Validator validator, EvaluationRequest request) {
        Errors errors = new BeanPropertyBindingResult(request, "evaluationRequest");
        validator.validate(request, errors);
        return errors.getFieldErrors().stream()
                .map(e -> e.getField() + " " + e.getCode() + " " + e.getDefaultMessage() + " (was " + e.getRejectedValue() + ")")
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Stream<Arguments> brokenRequests() {
        return Stream.of(
                Arguments.of("valid", (Consumer<EvaluationRequest>) r -> { }),
                // No facts (or no template) is no longer the document's to refuse: facts may come by
                // factsId and a contract by contractVersionId; StoredFactsApiTest and ContractsApiTest
                // show that exactly one of each is asked for, naming the field.
                Arguments.of("no practices", (Consumer<EvaluationRequest>) r -> r.getFacts().setPractices(List.of())),
                Arguments.of("year out of range", (Consumer<EvaluationRequest>) r -> r.getFacts().getPeriod().setPerformanceYear(1999)),
                Arguments.of("year too late", (Consumer<EvaluationRequest>) r -> r.getFacts().getPeriod().setPerformanceYear(2101)),
                Arguments.of("negative counts everywhere", (Consumer<EvaluationRequest>) r -> {
                    PracticePerformance practice = r.getFacts().getPractices().get(7);
                    practice.setMemberMonths(-1);
                    practice.setVisits(-2);
                    practice.setAttributedMembers(null);
                    QualityMeasureCount measure = practice.getQualityMeasures().get(4);
                    measure.setNumerator(-3);
                    measure.setExclusions(null);
                    r.getFacts().getPeriod().setAssignedBeneficiaries(-5);
                    r.getFacts().getIpa().setId(null);
                }),
                Arguments.of("missing measure id", (Consumer<EvaluationRequest>) r ->
                        r.getFacts().getPractices().get(24).getQualityMeasures().get(0).setMeasureId(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRequests")
    void findsWhatHibernateValidatorFinds(String name, Consumer<EvaluationRequest> breakIt) {
        EvaluationRequest request = request();
        breakIt.accept(request);

        Set<String> found = problems(new TransportConstraints(), request);

        assertThat(found).isEqualTo(problems(HIBERNATE_VALIDATOR, request));
        assertThat(found.isEmpty()).isEqualTo(name.equals("valid"));
    }

    @Test
    void knowsEveryConstraintTheGeneratorWrites() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> true);
        List<Class<?>> types = scanner.findCandidateComponents("org.accord.api.generated.model").stream()
                .<Class<?>>map(d -> ClassUtils.resolveClassName(d.getBeanClassName(), null))
                .toList();

        assertThat(types).contains(EvaluationRequest.class, PracticePerformance.class);
        TransportConstraints.inspect(types);
    }
}
