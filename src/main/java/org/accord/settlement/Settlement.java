package org.accord.settlement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PerformancePeriod;

/**
 * The settlement of one contract for one IPA and period. Deterministic: the same terms, facts and
 * rule files give an equal settlement, and the same JSON byte for byte.
 *
 * <p>A value with the accessors, equality and JSON of a record; it is a class only so that the
 * facts' hash can wait until it is read (canonical JSON of every practice and measure costs more
 * than settling them, and a simulation's trials or a backtest's rows are mostly read for their
 * amounts). Fields, in the order the JSON carries them:
 *
 * <ul>
 *   <li>{@code ipaId}: the IPA; {@code performanceYear}: the period's year
 *   <li>{@code contract}: which contract, in which version, with which terms
 *   <li>{@code rulesHash}: SHA-256 of the rule files used
 *   <li>{@code factsHash}: SHA-256 of the canonical facts (docs/hashes.md)
 *   <li>{@code findings}: determinations behind the lines (quality score, minimum savings rate, ...), those
 *       of the contract as a whole first, naming no clause
 *   <li>{@code lines}: payable lines, IPA first, then practices by id, each in clause order
 *   <li>{@code totals}: payer total, the IPA's pool and what each practice receives
 *   <li>{@code facts}: the facts evaluated, echoed
 * </ul>
 */
@JsonPropertyOrder({"ipaId", "performanceYear", "contract", "rulesHash", "factsHash", "findings", "lines", "totals", "facts"})
public final class Settlement {

    private final String ipaId;
    private final int performanceYear;
    private final Contract contract;
    private final String rulesHash;
    private final Supplier<String> factsHash;
    private final List<SettlementLine> findings;
    private final List<SettlementLine> lines;
    private final Totals totals;
    private final PerformanceFacts facts;

    @JsonCreator
    public Settlement(
            @JsonProperty("ipaId") String ipaId,
            @JsonProperty("performanceYear") int performanceYear,
            @JsonProperty("contract") Contract contract,
            @JsonProperty("rulesHash") String rulesHash,
            @JsonProperty("factsHash") String factsHash,
            @JsonProperty("findings") List<SettlementLine> findings,
            @JsonProperty("lines") List<SettlementLine> lines,
            @JsonProperty("totals") Totals totals,
            @JsonProperty("facts") PerformanceFacts facts) {
        this(ipaId, performanceYear, contract, rulesHash, () -> factsHash, findings, lines, totals, facts);
    }

    /**
     * A settlement whose facts' hash is taken when first read. The supplier must give the hash of
     * these facts and remember it: settlements of the same facts share one ({@link #hashOnce}).
     */
    public Settlement(String ipaId, int performanceYear, Contract contract, String rulesHash, Supplier<String> factsHash,
            List<SettlementLine> findings, List<SettlementLine> lines, Totals totals, PerformanceFacts facts) {
        this.ipaId = ipaId;
        this.performanceYear = performanceYear;
        this.contract = contract;
        this.rulesHash = rulesHash;
        this.factsHash = factsHash;
        this.findings = findings;
        this.lines = lines;
        this.totals = totals;
        this.facts = facts;
    }

    /** A supplier that computes once and then answers from memory (a race computes the same text twice, harmlessly). */
    public static Supplier<String> hashOnce(Supplier<String> hash) {
        return new Supplier<>() {
            private String value;

            @Override
            public String get() {
                String known = value;
                if (known == null) {
                    known = hash.get();
                    value = known;
                }
                return known;
            }
        };
    }

    @JsonProperty
    public String ipaId() {
        return ipaId;
    }

    @JsonProperty
    public int performanceYear() {
        return performanceYear;
    }

    @JsonProperty
    public Contract contract() {
        return contract;
    }

    @JsonProperty
    public String rulesHash() {
        return rulesHash;
    }

    @JsonProperty
    public String factsHash() {
        return factsHash.get();
    }

    @JsonProperty
    public List<SettlementLine> findings() {
        return findings;
    }

    @JsonProperty
    public List<SettlementLine> lines() {
        return lines;
    }

    @JsonProperty
    public Totals totals() {
        return totals;
    }

    @JsonProperty
    public PerformanceFacts facts() {
        return facts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Settlement other && performanceYear == other.performanceYear && Objects.equals(ipaId, other.ipaId)
                && Objects.equals(contract, other.contract) && Objects.equals(rulesHash, other.rulesHash)
                && Objects.equals(factsHash(), other.factsHash()) && Objects.equals(findings, other.findings)
                && Objects.equals(lines, other.lines) && Objects.equals(totals, other.totals) && Objects.equals(facts, other.facts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ipaId, performanceYear, contract, rulesHash, factsHash(), findings, lines, totals, facts);
    }

    @Override
    public String toString() {
        return "Settlement[ipaId=" + ipaId + ", performanceYear=" + performanceYear + ", contract=" + contract + ", rulesHash="
                + rulesHash + ", factsHash=" + factsHash() + ", findings=" + findings + ", lines=" + lines + ", totals=" + totals
                + ", facts=" + facts + "]";
    }

    /**
     * @param templateId      the template
     * @param templateVersion its version
     * @param templateHash    SHA-256 of the template file
     * @param termsHash       SHA-256 of the canonical resolved terms (docs/hashes.md)
     * @param overrides       the overrides applied
     * @param terms           every clause's parameter values in force
     * @param contractVersion the stored contract version the template and overrides came from, when
     *                        the evaluation named one; absent when it named a template
     */
    public record Contract(
            String templateId,
            String templateVersion,
            String templateHash,
            String termsHash,
            Map<String, Object> overrides,
            Map<String, Map<String, Object>> terms,
            // absent, not null, in JSON: a settlement of a template reads as it always has
            @JsonInclude(JsonInclude.Include.NON_NULL) StoredVersion contractVersion) {

        /** The same contract, naming the stored version it was read from. */
        public Contract from(StoredVersion version) {
            return new Contract(templateId, templateVersion, templateHash, termsHash, overrides, terms, version);
        }
    }

    /**
     * A stored contract version, as a settlement names the one it was evaluated with: its id and its
     * versionHash (docs/hashes.md), so a reviewer finds the exact version and can check it, and its
     * standing on the facts' days as the evaluation read it (absent from settlements made before it was
     * said, and where the facts' days were not known).
     */
    public record StoredVersion(String id, String versionHash, @JsonInclude(JsonInclude.Include.NON_NULL) VersionStanding standing) {

        public StoredVersion(String id, String versionHash) {
            this(id, versionHash, null);
        }
    }

    /** The same settlement with these findings before its own (none: unchanged). */
    public Settlement sayingFirst(List<SettlementLine> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<SettlementLine> said = new ArrayList<>(more.size() + findings.size());
        said.addAll(more);
        said.addAll(findings);
        return new Settlement(ipaId, performanceYear, contract, rulesHash, factsHash, List.copyOf(said), lines, totals, facts);
    }

    /**
     * The same settlement, naming the stored contract version its contract came from (none: unchanged),
     * with a finding, first, where the version was not in force throughout the facts' days. The finding
     * is of the contract as a whole: it names no clause ({@link SettlementLine#ofTheContract}).
     */
    public Settlement from(StoredVersion version) {
        if (version == null) {
            return this;
        }
        List<SettlementLine> said = version.standing() == null || facts == null || facts.period() == null
                ? List.of()
                : version.standing().finding(PerformancePeriod.firstDay(facts.period()), PerformancePeriod.lastDay(facts.period()))
                        .stream().toList();
        Settlement saying = sayingFirst(said);
        return new Settlement(ipaId, performanceYear, contract.from(version), rulesHash, factsHash, saying.findings, lines, totals, facts);
    }

    /**
     * @param payerTotal    everything the payer pays (negative: is owed), practices and IPA together
     * @param ipaPool       the payer's IPA-level lines, which the IPA distributes or, under a contract without a
     *                      distribution clause, keeps
     * @param retainedByIpa what the IPA keeps from its pool (administrative fee, reserve); all of it under a contract
     *                      without a distribution clause
     * @param practices     per practice: paid directly, distributed from the pool, and the total
     */
    public record Totals(BigDecimal payerTotal, BigDecimal ipaPool, BigDecimal retainedByIpa, List<PracticeTotal> practices) {
    }

    public record PracticeTotal(String practiceId, String name, BigDecimal paidDirectly, BigDecimal distributed, BigDecimal total) {
    }

    /** Lines of one scope (IPA or a practice id). */
    public List<SettlementLine> linesFor(String scope) {
        return lines.stream().filter(l -> l.scope().equals(scope)).toList();
    }
}
