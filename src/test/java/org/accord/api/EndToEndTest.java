package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.accord.client.ApiException;
import org.accord.client.api.ContractTemplatesApi;
import org.accord.client.api.EvaluationsApi;
import org.accord.client.api.RulesApi;
import org.accord.client.model.ContractChoice;
import org.accord.client.model.ContractTemplate;
import org.accord.client.model.ContractTemplateSummary;
import org.accord.client.model.EvaluationRequest;
import org.accord.client.model.ParameterDeclaration;
import org.accord.client.model.PerformanceFacts;
import org.accord.client.model.PracticeTotal;
import org.accord.client.model.ProblemDetail;
import org.accord.client.model.ResolvedTerms;
import org.accord.client.model.RuleBaseListing;
import org.accord.client.model.RuleFile;
import org.accord.client.model.Settlement;
import org.accord.content.ContentHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client generated from the API document drives the real server. */
class EndToEndTest extends ServerTest {

    /** Every template file shipped, by id (each file is named for its template's id), in id order. */
    static final List<String> TEMPLATES = org.accord.terms.CombinedContracts.shippedTemplateIds();

    private PerformanceFacts valleyIpa() throws Exception {
        return client().getObjectMapper().readValue(Path.of("examples/valley-ipa.json").toFile(), PerformanceFacts.class);
    }

    /** The CMS tracks and levels take the payer's quality score, which the example leaves out. */
    private EvaluationRequest valleyIpaUnder(String templateId) throws Exception {
        PerformanceFacts facts = valleyIpa();
        if (templateId.startsWith("mssp-aco")) {
            facts.getPeriod().setReportedQualityScore(new BigDecimal("0.91"));
        }
        // Tracks 1, 1+, 2 and 3 settle up to performance year 2021, their last: the same IPA-year, four years earlier.
        if (templateId.startsWith("mssp-aco-track")) {
            facts.getPeriod().setPerformanceYear(2021);
            facts.getPeriod().setStart(java.time.LocalDate.of(2021, 1, 1));
            facts.getPeriod().setEnd(java.time.LocalDate.of(2021, 12, 31));
        }
        return new EvaluationRequest().contract(new ContractChoice().templateId(templateId)).facts(facts);
    }

    @Test
    void listsEveryTemplate() throws Exception {
        List<ContractTemplateSummary> templates = new ContractTemplatesApi(client()).listContractTemplates().getTemplates();

        // every shipped template, in id order; templates published by other tests of this shared server may sit between them
        assertThat(templates).extracting(ContractTemplateSummary::getId).containsSubsequence(TEMPLATES).isSorted();
        assertThat(templates).allSatisfy(t -> assertThat(t.getHash()).startsWith("sha256:"));
    }

    @Test
    void readsATemplateWithItsParametersAndTheirValuesByYear() throws Exception {
        ContractTemplate template = new ContractTemplatesApi(client()).getContractTemplate("commercial-global-budget");

        ParameterDeclaration surplusShare = template.getClauses().stream()
                .flatMap(c -> c.getParameters().stream())
                .filter(p -> p.getName().equals("surplusShareRate"))
                .findFirst().orElseThrow();
        assertThat(surplusShare.getType()).isEqualTo("rate");
        assertThat(surplusShare.getUnit()).isEqualTo("rate");
        assertThat(surplusShare.getMinimum()).isEqualByComparingTo("0");
        assertThat(surplusShare.getMaximum()).isEqualByComparingTo("1");
        assertThat(surplusShare.getDescription()).isNotBlank();
        assertThat(surplusShare.getSource()).isNotBlank();
        // contract-templates/commercial-global-budget.yaml: 2024 "0.50", 2025 "0.60", 2026 "0.70"
        assertThat(surplusShare.getValues()).extracting(v -> v.getFromPerformanceYear() + "=" + v.getValue())
                .containsExactly("2024=0.50", "2025=0.60", "2026=0.70");
    }

    @Test
    void readsATemplateWithAllowedWordsAndASingleValue() throws Exception {
        ParameterDeclaration basis = new ContractTemplatesApi(client()).getContractTemplate("mssp-basic").getClauses().stream()
                .flatMap(c -> c.getParameters().stream())
                .filter(p -> p.getName().equals("minimumSavingsRateBasis"))
                .findFirst().orElseThrow();

        assertThat(basis.getType()).isEqualTo("choice");
        assertThat(basis.getAllowedValues()).containsExactly("population", "elected");
        assertThat(basis.getValues()).singleElement().satisfies(v -> {
            assertThat(v.getFromPerformanceYear()).isNull();
            assertThat(v.getValue()).isEqualTo("population");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"commercial-global-budget", "ma-capitation", "medicaid-ffs-p4p", "mssp-aco-track-1",
            "mssp-aco-track-1-plus", "mssp-aco-track-2", "mssp-aco-track-3", "mssp-aco-basic-a", "mssp-aco-basic-e",
            "mssp-aco-enhanced", "mssp-basic", "mssp-enhanced"})
    void evaluatesTheExampleIpaUnderEveryTemplate(String templateId) throws Exception {
        Settlement settlement = new EvaluationsApi(client()).evaluate(valleyIpaUnder(templateId));

        assertThat(settlement.getIpaId()).isEqualTo("valley-ipa");
        assertThat(settlement.getContract().getTemplateId()).isEqualTo(templateId);
        assertThat(settlement.getRulesHash()).isEqualTo(new RulesApi(client()).listRules().getHash());
        assertThat(settlement.getLines()).isNotEmpty();
        assertThat(settlement.getFacts().getPractices()).hasSize(25);
        assertThat(settlement.getTotals().getPractices()).hasSize(25);
        // The money adds up: the payer pays the pool and the practices directly; under a contract
        // with a distribution clause the pool is what the IPA keeps plus what it distributes (the
        // CMS ACO tracks have none: the pool stays with the ACO); each practice gets what it was
        // paid plus its share.
        BigDecimal paidDirectly = sum(settlement.getTotals().getPractices().stream().map(PracticeTotal::getPaidDirectly).toList());
        BigDecimal distributed = sum(settlement.getTotals().getPractices().stream().map(PracticeTotal::getDistributed).toList());
        assertThat(settlement.getTotals().getPayerTotal()).isEqualTo(settlement.getTotals().getIpaPool().add(paidDirectly));
        if (settlement.getContract().getTerms().containsKey("distribution")) {
            assertThat(settlement.getTotals().getIpaPool()).isEqualTo(settlement.getTotals().getRetainedByIpa().add(distributed));
        } else {
            assertThat(distributed).isZero();
        }
        assertThat(settlement.getTotals().getPractices())
                .allSatisfy(p -> assertThat(p.getTotal()).isEqualTo(p.getPaidDirectly().add(p.getDistributed())));
        assertThat(settlement.getLines()).allSatisfy(line -> assertThat(line.getAmount().scale()).isEqualTo(2));
    }

    @Test
    void validatesARequestToTheTermsItsEvaluationUses() throws Exception {
        EvaluationRequest request = valleyIpaUnder("mssp-enhanced");
        request.getContract().putOverridesItem("maximumSharingRate", "0.55");
        EvaluationsApi api = new EvaluationsApi(client());

        ResolvedTerms terms = api.validateEvaluation(request);
        Settlement settlement = api.evaluate(request);

        assertThat(terms.getTermsHash()).isEqualTo(settlement.getContract().getTermsHash());
        assertThat(terms.getTemplateHash()).isEqualTo(settlement.getContract().getTemplateHash());
        assertThat(terms.getOverrides()).containsEntry("maximumSharingRate", "0.55");
        assertThat(terms.getClauses()).extracting(c -> c.getId())
                .containsExactlyElementsOf(settlement.getContract().getTerms().keySet());
    }

    @Test
    void readsEveryRuleFileWithTheHashItIsListedWith() throws Exception {
        RulesApi rules = new RulesApi(client());
        RuleBaseListing listing = rules.listRules();

        assertThat(listing.getFiles()).extracting(RuleFile::getPath)
                .contains("payment/shared-savings.drl", "payment/msr-by-assigned-population.dmn");
        for (RuleFile file : listing.getFiles()) {
            String text = rules.getRuleFile(file.getPath());

            assertThat(ContentHash.of(text.getBytes(StandardCharsets.UTF_8))).as(file.getPath()).isEqualTo(file.getHash());
            assertThat(file.getKind()).isEqualTo(file.getPath().substring(file.getPath().lastIndexOf('.') + 1));
        }
    }

    @Test
    void readsARuleFileAtAPathTypedWithSlashes() throws Exception {
        String viaClient = new RulesApi(client()).getRuleFile("payment/shared-savings.drl");

        Reply typed = get("/api/v1/rules/payment/shared-savings.drl");

        assertThat(typed.status()).isEqualTo(200);
        assertThat(typed.contentType()).startsWith("text/plain");
        assertThat(typed.body()).isEqualTo(viaClient).contains("Shared savings");
    }

    @Test
    void aMalformedRequestGetsAProblemNamingTheField() throws Exception {
        EvaluationRequest request = valleyIpaUnder("mssp-basic");
        request.getFacts().getPractices().get(3).setMemberMonths(-40);
        request.getFacts().setPeriod(null);

        ApiException failure = catchThrowableOfType(ApiException.class, () -> new EvaluationsApi(client()).evaluate(request));

        assertThat(failure.getCode()).isEqualTo(400);
        assertThat(failure.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        ProblemDetail problem = client().getObjectMapper().readValue(failure.getResponseBody(), ProblemDetail.class);
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getErrors()).extracting(e -> e.getPointer() + ": " + e.getReason()).containsExactly(
                "/facts/period: is required",
                "/facts/practices/3/memberMonths: must be greater than or equal to 0 (was -40)");
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
