package org.accord.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.api.generated.model.ClauseTemplate;
import org.accord.api.generated.model.ClauseTerms;
import org.accord.api.generated.model.ContractTemplateSummary;
import org.accord.api.generated.model.Ipa;
import org.accord.api.generated.model.ParameterDeclaration;
import org.accord.api.generated.model.ParameterValue;
import org.accord.api.generated.model.PracticeTotal;
import org.accord.api.generated.model.ResolvedTerms;
import org.accord.api.generated.model.SettlementContract;
import org.accord.api.generated.model.ContractVersionStanding;
import org.accord.api.generated.model.SettlementContractVersion;
import org.accord.api.generated.model.Totals;
import org.accord.evaluation.ContractChoice;
import org.accord.facts.FactDeclarations;
import org.accord.facts.FactType;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PerformancePeriod;
import org.accord.facts.PracticePerformance;
import org.accord.facts.QualityMeasureCount;
import org.accord.io.Json;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.accord.terms.ConceptLimits;
import org.accord.terms.ConceptRegistry;
import org.accord.terms.ContractTemplate;
import org.accord.terms.Terms;
import org.accord.validation.Decimals;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;

/**
 * Translates between the transport types generated from {@code api-spec/accord.yaml} and the
 * domain, at the edge, field by field: values pass through as they are (a {@code BigDecimal}
 * stays the same object), so nothing is rounded or reformatted on the way. A test compares the
 * API's settlement with the domain's own JSON so that a field added to one side is not lost.
 */
final class Transport {

    private Transport() {
    }

    /**
     * @throws InvalidInputException when an override holds a JSON number too long to be a contract term
     */
    static ContractChoice contract(org.accord.api.generated.model.ContractChoice contract) {
        return contract(contract, "/contract");
    }

    /**
     * A contract held at {@code at} in the request ({@code /baseline}, {@code /proposals/1}).
     *
     * @throws InvalidInputException when an override holds a JSON number too long to be a contract term
     */
    static ContractChoice contract(org.accord.api.generated.model.ContractChoice contract, String at) {
        List<InputProblem> problems = new ArrayList<>();
        contract.getOverrides().forEach((name, value) ->
                checkDecimals(value, at + "/overrides/" + Problems.token(name), problems));
        InvalidInputException.throwIfAny(problems);
        return new ContractChoice(contract.getTemplateId(), contract.getOverrides());
    }

    /** The facts of a request whose required fields the API document's validation has checked. */
    static PerformanceFacts facts(org.accord.api.generated.model.PerformanceFacts facts) {
        org.accord.api.generated.model.PerformancePeriod period = facts.getPeriod();
        return new PerformanceFacts(
                new PerformanceFacts.Ipa(facts.getIpa().getId(), facts.getIpa().getName()),
                new PerformancePeriod(period.getPerformanceYear(), period.getStart(), period.getEnd(),
                        period.getBenchmarkExpenditure(), period.getAssignedBeneficiaries(), period.getReportedQualityScore(),
                        period.getMetQualityStandard(), period.getLossAdjustment(), period.getParticipantRevenue(),
                        period.getLowRevenue(), period.getAgreementStart(), period.getMetAlternativeQualityStandard()),
                facts.getPractices().stream().map(Transport::practice).toList());
    }

    private static PracticePerformance practice(org.accord.api.generated.model.PracticePerformance p) {
        List<QualityMeasureCount> measures = p.getQualityMeasures() == null ? List.of() : p.getQualityMeasures().stream()
                .map(m -> new QualityMeasureCount(m.getMeasureId(), m.getNumerator(), m.getDenominator(), m.getExclusions()))
                .toList();
        // Extra facts pass as given: the facts validator checks each against its declaration (rules/facts.yaml).
        return new PracticePerformance(p.getId(), p.getName(), p.getAttributedMembers(), p.getMemberMonths(),
                p.getAverageRiskScore(), p.getTotalCostOfCare(), p.getFeeScheduleAllowedAmount(), p.getVisits(),
                p.getAnnualWellnessVisits(), p.getEdVisits(), p.getInpatientAdmissions(), measures,
                p.getExtra() == null ? Map.of() : p.getExtra());
    }

    /**
     * A domain result as the transport type of the same shape, through Accord's JSON (decimals
     * as strings, so nothing is rounded). The transport types reject unknown fields, so a field
     * the domain adds and the API document lacks fails here, in the tests, rather than vanishing.
     */
    static <T> T converted(Object result, Class<T> transportType) {
        return Json.MAPPER.convertValue(result, transportType);
    }

    static org.accord.api.generated.model.Settlement settlement(Settlement settlement) {
        Settlement.Contract contract = settlement.contract();
        Map<String, Map<String, Object>> terms = new LinkedHashMap<>();
        contract.terms().forEach((clause, values) -> terms.put(clause, new LinkedHashMap<>(values)));
        Settlement.Totals totals = settlement.totals();
        return new org.accord.api.generated.model.Settlement(settlement.ipaId(), settlement.performanceYear(),
                new SettlementContract(contract.templateId(), contract.templateVersion(), contract.templateHash(),
                        contract.termsHash(), new LinkedHashMap<>(contract.overrides()), terms)
                        .contractVersion(contract.contractVersion() == null ? null : new SettlementContractVersion(
                                contract.contractVersion().id(), contract.contractVersion().versionHash())
                                .standing(contract.contractVersion().standing() == null ? null
                                        : converted(contract.contractVersion().standing(), ContractVersionStanding.class))),
                settlement.rulesHash(), settlement.factsHash(),
                settlement.findings().stream().map(Transport::line).toList(),
                settlement.lines().stream().map(Transport::line).toList(),
                new Totals(totals.payerTotal(), totals.ipaPool(), totals.retainedByIpa(), totals.practices().stream()
                        .map(t -> new PracticeTotal(t.practiceId(), t.paidDirectly(), t.distributed(), t.total()).name(t.name()))
                        .toList()),
                facts(settlement.facts()));
    }

    private static org.accord.api.generated.model.SettlementLine line(SettlementLine line) {
        // The line's own basis, not a copy: the answer is written and dropped, never changed.
        // A finding of the contract as a whole names no clause: its clause is absent.
        return new org.accord.api.generated.model.SettlementLine(line.scope(), line.basis(), line.explanation(), line.rule())
                .clause(line.clause())
                .flow(line.flow())
                .amount(line.amount())
                .detail(line.detail());
    }

    static org.accord.api.generated.model.PerformanceFacts facts(PerformanceFacts facts) {
        PerformancePeriod period = facts.period();
        return new org.accord.api.generated.model.PerformanceFacts(
                new Ipa(facts.ipa().id()).name(facts.ipa().name()),
                new org.accord.api.generated.model.PerformancePeriod(period.performanceYear())
                        .start(period.start())
                        .end(period.end())
                        .benchmarkExpenditure(period.benchmarkExpenditure())
                        .assignedBeneficiaries(period.assignedBeneficiaries())
                        .reportedQualityScore(period.reportedQualityScore())
                        .metQualityStandard(period.metQualityStandard())
                        .lossAdjustment(period.lossAdjustment())
                        .participantRevenue(period.participantRevenue())
                        .lowRevenue(period.lowRevenue())
                        .agreementStart(period.agreementStart())
                        .metAlternativeQualityStandard(period.metAlternativeQualityStandard()),
                facts.practices().stream().map(Transport::practice).toList());
    }

    private static org.accord.api.generated.model.PracticePerformance practice(PracticePerformance p) {
        return new org.accord.api.generated.model.PracticePerformance(p.id(), p.attributedMembers(), p.memberMonths(),
                p.averageRiskScore(), p.totalCostOfCare(), p.visits(), p.annualWellnessVisits(), p.edVisits(),
                p.inpatientAdmissions())
                .name(p.name())
                .feeScheduleAllowedAmount(p.feeScheduleAllowedAmount())
                .qualityMeasures(p.qualityMeasures().stream()
                        .map(m -> new org.accord.api.generated.model.QualityMeasureCount(m.measureId(), m.numerator(),
                                m.denominator(), m.exclusions()))
                        .toList())
                .extra(p.extra().isEmpty() ? null : extra(p.extra()));
    }

    /** Extra facts as the API writes them: a count as a whole number, other decimals as their full text, as every Decimal. */
    private static Map<String, Object> extra(Map<String, Object> extra) {
        Map<String, Object> written = new LinkedHashMap<>();
        extra.forEach((name, value) -> written.put(name, FactDeclarations.shipped().practiceField(name)
                .filter(field -> field.type() == FactType.COUNT && value instanceof BigDecimal)
                .<Object>map(field -> ((BigDecimal) value).toBigIntegerExact())
                .orElseGet(() -> written(value))));
        return written;
    }

    private static Object written(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Transport::written).toList();
        }
        return value;
    }

    static ResolvedTerms resolvedTerms(Terms terms) {
        List<ClauseTerms> clauses = terms.clauses().stream()
                .map(c -> new ClauseTerms(c.id(), c.concept(), c.title(), c.requires(), new LinkedHashMap<>(c.parameters())))
                .toList();
        return new ResolvedTerms(terms.templateId(), terms.templateVersion(), terms.templateHash(), terms.performanceYear(),
                terms.hash(), new LinkedHashMap<>(terms.overrides()), clauses);
    }

    static ContractTemplateSummary summary(ContractTemplate template) {
        return new ContractTemplateSummary(template.id(), template.version(), template.name(), template.payer(),
                template.description(), template.source(), template.contentHash());
    }

    /** A template with what each clause's concept lets its parameters mean, so that a negotiator reads it before a 422. */
    static org.accord.api.generated.model.ContractTemplate template(ContractTemplate template) {
        ConceptRegistry concepts = ConceptRegistry.shipped();
        List<ClauseTemplate> clauses = template.clauses().stream()
                .map(c -> new ClauseTemplate(c.id(), c.concept(), c.title(), c.text(), c.source(), c.requires(),
                        c.parameters().stream().map(p -> parameter(p, concepts.limitsOf(c.concept(), p.name()).orElse(null))).toList(),
                        c.constraints().stream().map(constraint -> new org.accord.api.generated.model.ClauseConstraint(
                                constraint.kind().word(), constraint.parameters(), concepts.requires(c.concept(), constraint),
                                constraint.sentence())).toList()))
                .toList();
        int first = template.firstYearSettled();
        return new org.accord.api.generated.model.ContractTemplate(template.id(), template.version(), template.name(),
                template.payer(), template.description(), template.source(), template.contentHash(), clauses)
                .firstPerformanceYear(first == 0 ? null : first)
                .lastPerformanceYear(template.lastPerformanceYear())
                .measureDirections(new LinkedHashMap<>(template.measureDirections()));
    }

    private static ParameterDeclaration parameter(org.accord.terms.ParameterDeclaration declaration, ConceptLimits limits) {
        List<ParameterValue> values = new ArrayList<>();
        // A value that applies to every year is declared under year 0: it has no starting year.
        declaration.valuesByYear().forEach((year, value) -> values.add(new ParameterValue(value)
                .fromPerformanceYear(year == 0 ? null : year)));
        return new ParameterDeclaration(declaration.name(), declaration.type().word(),
                declaration.unit(), declaration.description(), declaration.source(), declaration.allowedValues(), values)
                .negotiable(declaration.negotiable())
                .negotiableFrom(declaration.negotiableFrom())
                .minimum(declaration.minimum())
                .maximum(declaration.maximum())
                .conceptLimits(limits == null ? null : new org.accord.api.generated.model.ConceptLimits(limits.concept(),
                        limits.descriptor(), limits.allowed(), limits.rungFields(), limits.sentence())
                        .minimum(limits.minimum())
                        .maximum(limits.maximum())
                        .neverFalls(limits.neverFalls()));
    }

    /**
     * Override values are free-form (a rate, a word, an object of measure gates): the document gives them no
     * type, the template does, so a value its parameter cannot read is the template's refusal (422), whatever
     * form it came in: a string is text until the parameter reads it ("0x1", "1.", "1E+999999999" for a rate are
     * refused there, "lots" for a choice as a word it does not allow). A JSON number, already a number, is
     * held here to the bounds every decimal has, with the same status, so that none too long to write out
     * goes further.
     */
    static void checkDecimals(Object value, String pointer, List<InputProblem> problems) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> checkDecimals(item, pointer + "/" + Problems.token(String.valueOf(key)), problems));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkDecimals(list.get(i), pointer + "/" + i, problems);
            }
        } else if (!withinBounds(value)) {
            problems.add(new InputProblem(pointer, Decimals.EXPECTED));
        }
    }

    private static boolean withinBounds(Object value) {
        if (value instanceof BigDecimal decimal) {
            return Decimals.bounded(decimal);
        }
        if (value instanceof BigInteger integer) {
            return Decimals.bounded(new BigDecimal(integer));
        }
        return true;
    }
}
