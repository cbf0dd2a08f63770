package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.api.generated.model.Ipa;
import org.accord.api.generated.model.PerformanceFacts;
import org.accord.api.generated.model.PerformancePeriod;
import org.accord.api.generated.model.PracticePerformance;
import org.accord.api.generated.model.PracticeTotal;
import org.accord.api.generated.model.QualityMeasureCount;
import org.accord.api.generated.model.Settlement;
import org.accord.api.generated.model.SettlementContract;
import org.accord.api.generated.model.SettlementContractVersion;
import org.accord.api.generated.model.SettlementLine;
import org.accord.api.generated.model.Totals;
import org.accord.backtest.Backtest;
import org.accord.backtest.BacktestInput;
import org.accord.backtest.Layouts;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.io.Json;
import org.accord.terms.ContractTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer written field by field (AnswerJson) is byte for byte what the service's mapper wrote
 * with its bean serializers: every example under every template, the CMS ACOs of a public use file,
 * and edge values (nulls, empty and nested maps, unusual numbers and text).
 */
class AnswerJsonTest {

    private static final JsonMapper JACKSON = WebJson.mapper();
    private static final JsonMapper BY_HAND = AnswerJson.mapper(JACKSON);
    private static EvaluationService service;

    @BeforeAll
    static void load() {
        service = EvaluationService.load();
    }

    private static void sameBytes(Settlement answer, String what) {
        byte[] expected = JACKSON.writeValueAsBytes(answer);
        byte[] written = BY_HAND.writeValueAsBytes(answer);
        int at = Arrays.mismatch(expected, written);
        if (at >= 0) {
            // Where the two part, as text around it.
            int from = Math.max(0, at - 120);
            assertThat(new String(written, from, Math.min(written.length, at + 80) - from, StandardCharsets.UTF_8))
                    .as(what + ", at byte " + at)
                    .isEqualTo(new String(expected, from, Math.min(expected.length, at + 80) - from, StandardCharsets.UTF_8));
            assertThat(written).as(what).isEqualTo(expected);
        }
    }

    @Test
    void everyExampleUnderEveryTemplateIsWrittenAsTheMapperWritesIt() {
        int compared = 0;
        for (String example : List.of("valley-ipa", "small-panel")) {
            org.accord.facts.PerformanceFacts facts = Json.readFacts(Path.of("examples/" + example + ".json"));
            for (ContractTemplate template : service.templates().all()) {
                org.accord.settlement.Settlement settlement;
                try {
                    settlement = service.evaluate(ContractChoice.of(template.id()), facts);
                } catch (RuntimeException refused) {
                    continue; // a template these facts do not suit: nothing is answered
                }
                sameBytes(Transport.settlement(settlement), example + " under " + template.id());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(10);
    }

    @Test
    void theAcosOfAPublicUseFileAreWrittenAsTheMapperWritesThem() throws Exception {
        BacktestInput input;
        Path csv = Path.of("examples/cms/mssp-aco-puf-2018.csv");
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            input = Backtest.read(reader, Layouts.load(), null, csv.getFileName().toString());
        }
        List<org.accord.settlement.Settlement> settlements = Backtest.evaluate(service, input);
        assertThat(settlements).hasSizeGreaterThan(100);
        for (org.accord.settlement.Settlement settlement : settlements) {
            sameBytes(Transport.settlement(settlement), settlement.ipaId());
        }
    }

    @Test
    void anEmptyAnswerAndEdgeValuesAreWrittenAsTheMapperWritesThem() {
        sameBytes(new Settlement(), "every field absent");
        Settlement nulls = new Settlement();
        nulls.setFindings(null);
        nulls.setLines(null);
        sameBytes(nulls, "lists null");

        Map<String, Object> basis = new LinkedHashMap<>();
        basis.put("text", "quote \" backslash \\ control \u0001 tab \t line \u2028 accent é emoji \uD83D\uDE00 lone \uD800 end");
        basis.put("zero", BigDecimal.ZERO);
        basis.put("scaled", new BigDecimal("0.500"));
        basis.put("negative", new BigDecimal("-12345.6789"));
        basis.put("exponent", new BigDecimal("1E+5"));
        basis.put("tiny", new BigDecimal("1E-40"));
        basis.put("huge", new BigDecimal("123456789012345678901234567890.123456789012345678901"));
        basis.put("int", 7);
        basis.put("long", Long.MIN_VALUE);
        basis.put("bigInteger", new BigInteger("123456789012345678901234567890"));
        basis.put("double", 0.1);
        basis.put("true", true);
        basis.put("false", false);
        basis.put("null", null);
        basis.put("date", LocalDate.of(2025, 12, 31));
        basis.put("emptyList", List.of());
        basis.put("emptyMap", Map.of());
        List<Object> mixed = new ArrayList<>();
        mixed.add(new BigDecimal("1.10"));
        mixed.add(null);
        mixed.add("x");
        mixed.add(List.of(1, 2L, List.of()));
        basis.put("list", mixed);
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("inner", Map.of("deep", new BigDecimal("2.00")));
        nested.put("", "empty key");
        nested.put("key \"quoted\" \u00e9", null);
        basis.put("nested", nested);
        Map<Integer, Object> numberKeys = new HashMap<>();
        numberKeys.put(1, "one");
        basis.put("numberKeys", numberKeys);
        basis.put("array", new Object[] {"a", BigDecimal.ONE});
        basis.put("character", 'c');

        SettlementLine full = new SettlementLine("practice:p1", "shared-savings", basis, "explained \n twice", "A rule")
                .flow("payer-to-ipa").amount(new BigDecimal("-0.01")).detail("detail");
        SettlementLine bare = new SettlementLine(null, null, null, null, null);
        Map<String, Map<String, Object>> terms = new LinkedHashMap<>();
        terms.put("shared-savings", new LinkedHashMap<>(Map.of("sharingRate", new BigDecimal("0.50"))));
        terms.put("empty", new LinkedHashMap<>());
        terms.put("absent", null);
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("shared-savings", Map.of("sharingRate", "0.40"));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("count", new BigInteger("12"));
        extra.put("rate", "0.125");
        extra.put("list", List.of("1.5", "2"));
        extra.put("absent", null);
        List<SettlementLine> lines = new ArrayList<>(List.of(full, bare));
        lines.add(null);
        List<PracticeTotal> practiceTotals = new ArrayList<>(List.of(
                new PracticeTotal("p1", new BigDecimal("1.00"), BigDecimal.ZERO, new BigDecimal("1.00")).name("Practice \"One\""),
                new PracticeTotal(null, null, null, null)));
        practiceTotals.add(null);
        List<QualityMeasureCount> measures = new ArrayList<>(List.of(new QualityMeasureCount("m1", 1, 2, 0),
                new QualityMeasureCount(null, null, null, null)));
        measures.add(null);
        List<PracticePerformance> practices = new ArrayList<>(List.of(
                new PracticePerformance("p1", 10, 120, new BigDecimal("1.05"), new BigDecimal("100000.00"), 3, 2, 1, 0)
                        .name("One").feeScheduleAllowedAmount(new BigDecimal("5.5")).qualityMeasures(measures).extra(extra),
                new PracticePerformance(null, null, null, null, null, null, null, null, null).qualityMeasures(null).extra(null),
                new PracticePerformance("p3", 0, 0, BigDecimal.ONE, BigDecimal.ONE, 0, 0, 0, 0).extra(new LinkedHashMap<>())));
        practices.add(null);
        PerformancePeriod period = new PerformancePeriod(Integer.MIN_VALUE).start(LocalDate.of(-1, 1, 1))
                .end(LocalDate.of(12025, 6, 30)).benchmarkExpenditure(new BigDecimal("1E+3")).assignedBeneficiaries(0)
                .reportedQualityScore(new BigDecimal("0.875")).metQualityStandard(true).lossAdjustment(new BigDecimal("-1"))
                .participantRevenue(new BigDecimal("0.0")).lowRevenue(false).agreementStart(LocalDate.of(2024, 1, 1))
                .metAlternativeQualityStandard(false);
        Settlement answer = new Settlement("ipa \u2603", 2025,
                new SettlementContract("mssp-basic", "2.1", "sha256:t", "sha256:terms", overrides, terms)
                        .contractVersion(new SettlementContractVersion("v1", "sha256:v")),
                "sha256:rules", "sha256:facts", List.of(bare), lines,
                new Totals(new BigDecimal("10.00"), new BigDecimal("-5.25"), BigDecimal.ZERO, practiceTotals),
                new PerformanceFacts(new Ipa("ipa").name("IPA"), period, practices));
        sameBytes(answer, "edge values");

        Settlement absentParts = new Settlement("ipa", null,
                new SettlementContract(null, null, null, null, null, null).contractVersion(new SettlementContractVersion(null, null)),
                null, null, List.of(), List.of(), new Totals(null, null, null, null),
                new PerformanceFacts(new Ipa(null), new PerformancePeriod(null), null));
        sameBytes(absentParts, "absent parts");
    }

    /** Pretty printed too, as a mapper that indents would write it. */
    @Test
    void anIndentingMapperIndentsTheSame() {
        JsonMapper indenting = JACKSON.rebuild().enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT).build();
        org.accord.settlement.Settlement settlement =
                service.evaluate(ContractChoice.of("mssp-basic"), Json.readFacts(Path.of("examples/valley-ipa.json")));
        Settlement answer = Transport.settlement(settlement);
        assertThat(new String(AnswerJson.mapper(indenting).writeValueAsBytes(answer), StandardCharsets.UTF_8))
                .isEqualTo(new String(indenting.writeValueAsBytes(answer), StandardCharsets.UTF_8));
    }
}
