package org.accord.api;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.accord.io.Json;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * An evaluation's answer (the API's {@code Settlement}) written to JSON field by field, with the
 * same bytes as the mapper's own bean serializers write (AnswerJsonTest compares them on every
 * example under every template, the ACOs of a public use file, and edge values): without a
 * serializer looked up for each value of the lines' basis maps, whose values are of mixed types, and
 * with the names encoded once. Measured warm, about a tenth less CPU than the bean serializers; most
 * of what is left is the explanations' text and the decimals, the same work either way
 * (docs/performance.md, "The answer's JSON written by hand, the run's texts as bytes...").
 *
 * <p>Fields are in the order Jackson writes them (the constructor's arguments first, in its order,
 * then the others by name); a field that is null is left out, as the mapper's {@code NON_NULL}
 * inclusion does. Values of the free-form maps (basis, terms, overrides, extra facts) that are not
 * text, decimals, whole numbers, booleans, lists or maps of text keys are written by the mapper, as
 * before. A field added to one of these types in the API document must be added here: the test
 * fails until it is, because the bean serializers write it and this does not.
 */
final class AnswerJson {

    /** The fields' names, quoted and encoded once rather than on every answer. */
    private static final SerializableString AGREEMENT_START = new SerializedString("agreementStart");
    private static final SerializableString AMOUNT = new SerializedString("amount");
    private static final SerializableString ANNUAL_WELLNESS_VISITS = new SerializedString("annualWellnessVisits");
    private static final SerializableString ASSIGNED_BENEFICIARIES = new SerializedString("assignedBeneficiaries");
    private static final SerializableString ATTRIBUTED_MEMBERS = new SerializedString("attributedMembers");
    private static final SerializableString AVERAGE_RISK_SCORE = new SerializedString("averageRiskScore");
    private static final SerializableString BASIS = new SerializedString("basis");
    private static final SerializableString BENCHMARK_EXPENDITURE = new SerializedString("benchmarkExpenditure");
    private static final SerializableString CLAUSE = new SerializedString("clause");
    private static final SerializableString CONTRACT = new SerializedString("contract");
    private static final SerializableString CONTRACT_VERSION = new SerializedString("contractVersion");
    private static final SerializableString DENOMINATOR = new SerializedString("denominator");
    private static final SerializableString DETAIL = new SerializedString("detail");
    private static final SerializableString DISTRIBUTED = new SerializedString("distributed");
    private static final SerializableString ED_VISITS = new SerializedString("edVisits");
    private static final SerializableString END = new SerializedString("end");
    private static final SerializableString EXCLUSIONS = new SerializedString("exclusions");
    private static final SerializableString EXPLANATION = new SerializedString("explanation");
    private static final SerializableString EXTRA = new SerializedString("extra");
    private static final SerializableString FACTS = new SerializedString("facts");
    private static final SerializableString FACTS_HASH = new SerializedString("factsHash");
    private static final SerializableString FEE_SCHEDULE_ALLOWED_AMOUNT = new SerializedString("feeScheduleAllowedAmount");
    private static final SerializableString FINDINGS = new SerializedString("findings");
    private static final SerializableString FLOW = new SerializedString("flow");
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString INPATIENT_ADMISSIONS = new SerializedString("inpatientAdmissions");
    private static final SerializableString IPA = new SerializedString("ipa");
    private static final SerializableString IPA_ID = new SerializedString("ipaId");
    private static final SerializableString IPA_POOL = new SerializedString("ipaPool");
    private static final SerializableString LINES = new SerializedString("lines");
    private static final SerializableString LOSS_ADJUSTMENT = new SerializedString("lossAdjustment");
    private static final SerializableString LOW_REVENUE = new SerializedString("lowRevenue");
    private static final SerializableString MEASURE_ID = new SerializedString("measureId");
    private static final SerializableString MEMBER_MONTHS = new SerializedString("memberMonths");
    private static final SerializableString MET_ALTERNATIVE_QUALITY_STANDARD = new SerializedString("metAlternativeQualityStandard");
    private static final SerializableString MET_QUALITY_STANDARD = new SerializedString("metQualityStandard");
    private static final SerializableString NAME = new SerializedString("name");
    private static final SerializableString NUMERATOR = new SerializedString("numerator");
    private static final SerializableString OVERRIDES = new SerializedString("overrides");
    private static final SerializableString PAID_DIRECTLY = new SerializedString("paidDirectly");
    private static final SerializableString PARTICIPANT_REVENUE = new SerializedString("participantRevenue");
    private static final SerializableString PAYER_TOTAL = new SerializedString("payerTotal");
    private static final SerializableString PERFORMANCE_YEAR = new SerializedString("performanceYear");
    private static final SerializableString PERIOD = new SerializedString("period");
    private static final SerializableString PRACTICES = new SerializedString("practices");
    private static final SerializableString PRACTICE_ID = new SerializedString("practiceId");
    private static final SerializableString QUALITY_MEASURES = new SerializedString("qualityMeasures");
    private static final SerializableString REPORTED_QUALITY_SCORE = new SerializedString("reportedQualityScore");
    private static final SerializableString RETAINED_BY_IPA = new SerializedString("retainedByIpa");
    private static final SerializableString RULE = new SerializedString("rule");
    private static final SerializableString RULES_HASH = new SerializedString("rulesHash");
    private static final SerializableString SCOPE = new SerializedString("scope");
    private static final SerializableString START = new SerializedString("start");
    private static final SerializableString TEMPLATE_HASH = new SerializedString("templateHash");
    private static final SerializableString TEMPLATE_ID = new SerializedString("templateId");
    private static final SerializableString TEMPLATE_VERSION = new SerializedString("templateVersion");
    private static final SerializableString TERMS = new SerializedString("terms");
    private static final SerializableString TERMS_HASH = new SerializedString("termsHash");
    private static final SerializableString TOTAL = new SerializedString("total");
    private static final SerializableString TOTALS = new SerializedString("totals");
    private static final SerializableString TOTAL_COST_OF_CARE = new SerializedString("totalCostOfCare");
    private static final SerializableString VERSION_HASH = new SerializedString("versionHash");
    private static final SerializableString VISITS = new SerializedString("visits");

    private AnswerJson() {
    }

    /** The mapper with the answer's type written by this class; every other type as the mapper writes it. */
    static JsonMapper mapper(JsonMapper json) {
        return json.rebuild().addModule(new SimpleModule("answer").addSerializer(Settlement.class, new Writer())).build();
    }

    private static final class Writer extends ValueSerializer<Settlement> {

        @Override
        public void serialize(Settlement s, JsonGenerator out, SerializationContext context) {
            out.writeStartObject(s);
            string(out, IPA_ID, s.getIpaId());
            integer(out, PERFORMANCE_YEAR, s.getPerformanceYear());
            if (s.getContract() != null) {
                out.writeName(CONTRACT);
                contract(out, s.getContract(), context);
            }
            string(out, RULES_HASH, s.getRulesHash());
            string(out, FACTS_HASH, s.getFactsHash());
            lines(out, FINDINGS, s.getFindings(), context);
            lines(out, LINES, s.getLines(), context);
            if (s.getTotals() != null) {
                out.writeName(TOTALS);
                totals(out, s.getTotals());
            }
            if (s.getFacts() != null) {
                out.writeName(FACTS);
                facts(out, s.getFacts(), context);
            }
            out.writeEndObject();
        }
    }

    private static void contract(JsonGenerator out, SettlementContract c, SerializationContext context) {
        out.writeStartObject(c);
        string(out, TEMPLATE_ID, c.getTemplateId());
        string(out, TEMPLATE_VERSION, c.getTemplateVersion());
        string(out, TEMPLATE_HASH, c.getTemplateHash());
        string(out, TERMS_HASH, c.getTermsHash());
        map(out, OVERRIDES, c.getOverrides(), context);
        map(out, TERMS, c.getTerms(), context);
        SettlementContractVersion version = c.getContractVersion();
        if (version != null) {
            out.writeName(CONTRACT_VERSION);
            out.writeStartObject(version);
            string(out, ID, version.getId());
            string(out, VERSION_HASH, version.getVersionHash());
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    private static void lines(JsonGenerator out, SerializableString name, List<SettlementLine> lines, SerializationContext context) {
        if (lines == null) {
            return;
        }
        out.writeName(name);
        out.writeStartArray(lines, lines.size());
        for (SettlementLine line : lines) {
            if (line == null) {
                out.writeNull();
                continue;
            }
            out.writeStartObject(line);
            string(out, SCOPE, line.getScope());
            string(out, CLAUSE, line.getClause());
            map(out, BASIS, line.getBasis(), context);
            string(out, EXPLANATION, line.getExplanation());
            string(out, RULE, line.getRule());
            decimal(out, AMOUNT, line.getAmount());
            string(out, DETAIL, line.getDetail());
            string(out, FLOW, line.getFlow());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void totals(JsonGenerator out, Totals t) {
        out.writeStartObject(t);
        decimal(out, PAYER_TOTAL, t.getPayerTotal());
        decimal(out, IPA_POOL, t.getIpaPool());
        decimal(out, RETAINED_BY_IPA, t.getRetainedByIpa());
        List<PracticeTotal> practices = t.getPractices();
        if (practices != null) {
            out.writeName(PRACTICES);
            out.writeStartArray(practices, practices.size());
            for (PracticeTotal p : practices) {
                if (p == null) {
                    out.writeNull();
                    continue;
                }
                out.writeStartObject(p);
                string(out, PRACTICE_ID, p.getPracticeId());
                decimal(out, PAID_DIRECTLY, p.getPaidDirectly());
                decimal(out, DISTRIBUTED, p.getDistributed());
                decimal(out, TOTAL, p.getTotal());
                string(out, NAME, p.getName());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    private static void facts(JsonGenerator out, PerformanceFacts f, SerializationContext context) {
        out.writeStartObject(f);
        Ipa ipa = f.getIpa();
        if (ipa != null) {
            out.writeName(IPA);
            out.writeStartObject(ipa);
            string(out, ID, ipa.getId());
            string(out, NAME, ipa.getName());
            out.writeEndObject();
        }
        PerformancePeriod period = f.getPeriod();
        if (period != null) {
            out.writeName(PERIOD);
            out.writeStartObject(period);
            integer(out, PERFORMANCE_YEAR, period.getPerformanceYear());
            date(out, AGREEMENT_START, period.getAgreementStart(), context);
            integer(out, ASSIGNED_BENEFICIARIES, period.getAssignedBeneficiaries());
            decimal(out, BENCHMARK_EXPENDITURE, period.getBenchmarkExpenditure());
            date(out, END, period.getEnd(), context);
            decimal(out, LOSS_ADJUSTMENT, period.getLossAdjustment());
            bool(out, LOW_REVENUE, period.getLowRevenue());
            bool(out, MET_ALTERNATIVE_QUALITY_STANDARD, period.getMetAlternativeQualityStandard());
            bool(out, MET_QUALITY_STANDARD, period.getMetQualityStandard());
            decimal(out, PARTICIPANT_REVENUE, period.getParticipantRevenue());
            decimal(out, REPORTED_QUALITY_SCORE, period.getReportedQualityScore());
            date(out, START, period.getStart(), context);
            out.writeEndObject();
        }
        List<PracticePerformance> practices = f.getPractices();
        if (practices != null) {
            out.writeName(PRACTICES);
            out.writeStartArray(practices, practices.size());
            for (PracticePerformance p : practices) {
                if (p == null) {
                    out.writeNull();
                    continue;
                }
                practice(out, p, context);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    private static void practice(JsonGenerator out, PracticePerformance p, SerializationContext context) {
        out.writeStartObject(p);
        string(out, ID, p.getId());
        integer(out, ATTRIBUTED_MEMBERS, p.getAttributedMembers());
        integer(out, MEMBER_MONTHS, p.getMemberMonths());
        decimal(out, AVERAGE_RISK_SCORE, p.getAverageRiskScore());
        decimal(out, TOTAL_COST_OF_CARE, p.getTotalCostOfCare());
        integer(out, VISITS, p.getVisits());
        integer(out, ANNUAL_WELLNESS_VISITS, p.getAnnualWellnessVisits());
        integer(out, ED_VISITS, p.getEdVisits());
        integer(out, INPATIENT_ADMISSIONS, p.getInpatientAdmissions());
        // Left out when empty too: the API document's extension on this one field (NON_EMPTY).
        if (p.getExtra() != null && !p.getExtra().isEmpty()) {
            map(out, EXTRA, p.getExtra(), context);
        }
        decimal(out, FEE_SCHEDULE_ALLOWED_AMOUNT, p.getFeeScheduleAllowedAmount());
        string(out, NAME, p.getName());
        List<QualityMeasureCount> measures = p.getQualityMeasures();
        if (measures != null) {
            out.writeName(QUALITY_MEASURES);
            out.writeStartArray(measures, measures.size());
            for (QualityMeasureCount m : measures) {
                if (m == null) {
                    out.writeNull();
                    continue;
                }
                out.writeStartObject(m);
                string(out, MEASURE_ID, m.getMeasureId());
                integer(out, NUMERATOR, m.getNumerator());
                integer(out, DENOMINATOR, m.getDenominator());
                integer(out, EXCLUSIONS, m.getExclusions());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    private static void string(JsonGenerator out, SerializableString name, String value) {
        if (value != null) {
            out.writeName(name);
            out.writeString(value);
        }
    }

    private static void integer(JsonGenerator out, SerializableString name, Integer value) {
        if (value != null) {
            out.writeName(name);
            out.writeNumber(value.intValue());
        }
    }

    private static void bool(JsonGenerator out, SerializableString name, Boolean value) {
        if (value != null) {
            out.writeName(name);
            out.writeBoolean(value);
        }
    }

    private static void decimal(JsonGenerator out, SerializableString name, BigDecimal value) {
        if (value != null) {
            out.writeName(name);
            Json.writeDecimal(value, out);
        }
    }

    private static void date(JsonGenerator out, SerializableString name, LocalDate value, SerializationContext context) {
        if (value != null) {
            out.writeName(name);
            context.writeValue(out, value);
        }
    }

    private static void map(JsonGenerator out, SerializableString name, Map<String, ?> value, SerializationContext context) {
        if (value != null) {
            out.writeName(name);
            value(out, value, context);
        }
    }

    /**
     * A value of a free-form map: the common kinds directly, anything else (and a map whose keys
     * are not all text) by the mapper, which chooses the serializer for it as it always did.
     */
    private static void value(JsonGenerator out, Object value, SerializationContext context) {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof BigDecimal decimal) {
            Json.writeDecimal(decimal, out);
        } else if (value instanceof Integer number) {
            out.writeNumber(number.intValue());
        } else if (value instanceof Long number) {
            out.writeNumber(number.longValue());
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value instanceof Map<?, ?> map && textKeys(map)) {
            out.writeStartObject(map);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.writeName((String) entry.getKey());
                value(out, entry.getValue(), context);
            }
            out.writeEndObject();
        } else if (value instanceof List<?> list) {
            out.writeStartArray(list, list.size());
            for (Object item : list) {
                value(out, item, context);
            }
            out.writeEndArray();
        } else {
            context.writeValue(out, value);
        }
    }

    private static boolean textKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }
}
