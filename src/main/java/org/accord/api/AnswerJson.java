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
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * An evaluation's answer (the API's {@code Settlement}) written to JSON field by field, with the
 * same bytes as the mapper's own bean serializers write (AnswerJsonTest compares them on every
 * example under every template, and on edge values). Jackson spent a third of the answer's 0.5 ms
 * finding a serializer for each value of the lines' basis maps, whose values are of mixed types
 * (docs/performance.md, "The answer's JSON written by hand"). Fields are in the order Jackson writes
 * them (the constructor's arguments first, in its order, then the others by name); a field that is null is left out, as the mapper's {@code NON_NULL} inclusion does. Values of
 * the free-form maps (basis, terms, overrides, extra facts) that are not text, decimals, whole
 * numbers, booleans, lists or maps of text keys are written by the mapper, as before.
 *
 * <p>A field added to one of these types in the API document must be added here: the test fails
 * until it is, because the bean serializers write it and this does not.
 */
final class AnswerJson {

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
            string(out, "ipaId", s.getIpaId());
            integer(out, "performanceYear", s.getPerformanceYear());
            if (s.getContract() != null) {
                out.writeName("contract");
                contract(out, s.getContract(), context);
            }
            string(out, "rulesHash", s.getRulesHash());
            string(out, "factsHash", s.getFactsHash());
            lines(out, "findings", s.getFindings(), context);
            lines(out, "lines", s.getLines(), context);
            if (s.getTotals() != null) {
                out.writeName("totals");
                totals(out, s.getTotals());
            }
            if (s.getFacts() != null) {
                out.writeName("facts");
                facts(out, s.getFacts(), context);
            }
            out.writeEndObject();
        }
    }

    private static void contract(JsonGenerator out, SettlementContract c, SerializationContext context) {
        out.writeStartObject(c);
        string(out, "templateId", c.getTemplateId());
        string(out, "templateVersion", c.getTemplateVersion());
        string(out, "templateHash", c.getTemplateHash());
        string(out, "termsHash", c.getTermsHash());
        map(out, "overrides", c.getOverrides(), context);
        map(out, "terms", c.getTerms(), context);
        SettlementContractVersion version = c.getContractVersion();
        if (version != null) {
            out.writeName("contractVersion");
            out.writeStartObject(version);
            string(out, "id", version.getId());
            string(out, "versionHash", version.getVersionHash());
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    private static void lines(JsonGenerator out, String name, List<SettlementLine> lines, SerializationContext context) {
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
            string(out, "scope", line.getScope());
            string(out, "clause", line.getClause());
            map(out, "basis", line.getBasis(), context);
            string(out, "explanation", line.getExplanation());
            string(out, "rule", line.getRule());
            decimal(out, "amount", line.getAmount());
            string(out, "detail", line.getDetail());
            string(out, "flow", line.getFlow());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void totals(JsonGenerator out, Totals t) {
        out.writeStartObject(t);
        decimal(out, "payerTotal", t.getPayerTotal());
        decimal(out, "ipaPool", t.getIpaPool());
        decimal(out, "retainedByIpa", t.getRetainedByIpa());
        List<PracticeTotal> practices = t.getPractices();
        if (practices != null) {
            out.writeName("practices");
            out.writeStartArray(practices, practices.size());
            for (PracticeTotal p : practices) {
                if (p == null) {
                    out.writeNull();
                    continue;
                }
                out.writeStartObject(p);
                string(out, "practiceId", p.getPracticeId());
                decimal(out, "paidDirectly", p.getPaidDirectly());
                decimal(out, "distributed", p.getDistributed());
                decimal(out, "total", p.getTotal());
                string(out, "name", p.getName());
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
            out.writeName("ipa");
            out.writeStartObject(ipa);
            string(out, "id", ipa.getId());
            string(out, "name", ipa.getName());
            out.writeEndObject();
        }
        PerformancePeriod period = f.getPeriod();
        if (period != null) {
            out.writeName("period");
            out.writeStartObject(period);
            integer(out, "performanceYear", period.getPerformanceYear());
            date(out, "agreementStart", period.getAgreementStart(), context);
            integer(out, "assignedBeneficiaries", period.getAssignedBeneficiaries());
            decimal(out, "benchmarkExpenditure", period.getBenchmarkExpenditure());
            date(out, "end", period.getEnd(), context);
            decimal(out, "lossAdjustment", period.getLossAdjustment());
            bool(out, "lowRevenue", period.getLowRevenue());
            bool(out, "metAlternativeQualityStandard", period.getMetAlternativeQualityStandard());
            bool(out, "metQualityStandard", period.getMetQualityStandard());
            decimal(out, "participantRevenue", period.getParticipantRevenue());
            decimal(out, "reportedQualityScore", period.getReportedQualityScore());
            date(out, "start", period.getStart(), context);
            out.writeEndObject();
        }
        List<PracticePerformance> practices = f.getPractices();
        if (practices != null) {
            out.writeName("practices");
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
        string(out, "id", p.getId());
        integer(out, "attributedMembers", p.getAttributedMembers());
        integer(out, "memberMonths", p.getMemberMonths());
        decimal(out, "averageRiskScore", p.getAverageRiskScore());
        decimal(out, "totalCostOfCare", p.getTotalCostOfCare());
        integer(out, "visits", p.getVisits());
        integer(out, "annualWellnessVisits", p.getAnnualWellnessVisits());
        integer(out, "edVisits", p.getEdVisits());
        integer(out, "inpatientAdmissions", p.getInpatientAdmissions());
        // Left out when empty too: the API document's extension on this one field (NON_EMPTY).
        if (p.getExtra() != null && !p.getExtra().isEmpty()) {
            map(out, "extra", p.getExtra(), context);
        }
        decimal(out, "feeScheduleAllowedAmount", p.getFeeScheduleAllowedAmount());
        string(out, "name", p.getName());
        List<QualityMeasureCount> measures = p.getQualityMeasures();
        if (measures != null) {
            out.writeName("qualityMeasures");
            out.writeStartArray(measures, measures.size());
            for (QualityMeasureCount m : measures) {
                if (m == null) {
                    out.writeNull();
                    continue;
                }
                out.writeStartObject(m);
                string(out, "measureId", m.getMeasureId());
                integer(out, "numerator", m.getNumerator());
                integer(out, "denominator", m.getDenominator());
                integer(out, "exclusions", m.getExclusions());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    private static void string(JsonGenerator out, String name, String value) {
        if (value != null) {
            out.writeName(name);
            out.writeString(value);
        }
    }

    private static void integer(JsonGenerator out, String name, Integer value) {
        if (value != null) {
            out.writeName(name);
            out.writeNumber(value.intValue());
        }
    }

    private static void bool(JsonGenerator out, String name, Boolean value) {
        if (value != null) {
            out.writeName(name);
            out.writeBoolean(value);
        }
    }

    private static void decimal(JsonGenerator out, String name, BigDecimal value) {
        if (value != null) {
            out.writeName(name);
            Json.writeDecimal(value, out);
        }
    }

    private static void date(JsonGenerator out, String name, LocalDate value, SerializationContext context) {
        if (value != null) {
            out.writeName(name);
            context.writeValue(out, value);
        }
    }

    private static void map(JsonGenerator out, String name, Map<String, ?> value, SerializationContext context) {
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
