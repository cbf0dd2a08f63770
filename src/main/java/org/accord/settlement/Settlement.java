package org.accord.settlement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 *   <li>{@code findings}: determinations behind the lines (quality score, minimum savings rate, ...)
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
    public record StoredVersion(String id, String versionHash, @JsonInclude(JsonInclude.Include.NON_NULL) Standing standing) {

        public StoredVersion(String id, String versionHash) {
            this(id, versionHash, null);
        }
    }

    /**
     * Whether a stored version was in force on the facts' days, as the contract's publications stood
     * when it was evaluated: naming a version does not put it in force (a proposal is evaluated for
     * what it would have paid, an old version for what it did). Kept with the stored run as it was: a
     * version published since changes no stored settlement, and a replay settles with the standing stored.
     *
     * @param versionNumber the version's number in its contract
     * @param inForce       {@link #THROUGHOUT}, {@link #UNPUBLISHED} or {@link #SUPERSEDED}
     * @param governedBy    the other versions in force on days of the facts' period, in date order
     */
    @JsonPropertyOrder({"versionNumber", "inForce", "governedBy"})
    public record Standing(int versionNumber, String inForce, List<DaysGoverned> governedBy) {

        /** Published, and the version in force on every day of the facts' period. */
        public static final String THROUGHOUT = "throughout";
        /** A draft or proposal not published: in force on none of the days. */
        public static final String UNPUBLISHED = "unpublished";
        /** Published, but on some or all of the days another version, published after it, is in force. */
        public static final String SUPERSEDED = "superseded";
        /** The rule a standing's finding names. */
        public static final String RULE = "A contract version settles every day of the facts whether or not it is in force on them, and says so";

        public Standing {
            governedBy = governedBy == null ? List.of() : List.copyOf(governedBy);
        }

        /**
         * The finding that says in words what the standing says, for the facts' days {@code from} to
         * {@code to}, under {@code clause}; none when the version was in force throughout.
         */
        Optional<SettlementLine> finding(String clause, LocalDate from, LocalDate to) {
            if (THROUGHOUT.equals(inForce)) {
                return Optional.empty();
            }
            String days = from + " to " + to;
            StringBuilder others = new StringBuilder();
            for (int i = 0; i < governedBy.size(); i++) {
                DaysGoverned other = governedBy.get(i);
                others.append(i == 0 ? "" : i == governedBy.size() - 1 ? " and " : ", ").append("version ")
                        .append(other.versionNumber()).append(" on ").append(other.from()).append(" to ").append(other.to());
            }
            String sentence;
            if (UNPUBLISHED.equals(inForce)) {
                sentence = "Contract version " + versionNumber + " is not published, so it is in force on none of the facts' days, "
                        + days + ": they are settled here at its terms, as it would pay, not at the terms in force on them"
                        + (governedBy.isEmpty() ? " (no version of the contract is published for them)." : " (" + others + ").");
            } else {
                long own = ownDays(from, to);
                sentence = "Contract version " + versionNumber + " is published, but on " + (own == 0 ? "all" : "some")
                        + " of the facts' days, " + days + ", a version published after it is in force: " + others
                        + (own == 0 ? "" : "; version " + versionNumber + " on the other " + own + " days")
                        + ". Every day is settled here at version " + versionNumber + "'s terms.";
            }
            Map<String, Object> basis = new LinkedHashMap<>();
            basis.put("versionNumber", versionNumber);
            basis.put("inForce", inForce);
            basis.put("from", from.toString());
            basis.put("to", to.toString());
            return Optional.of(new SettlementLine("IPA", clause, null, null, Collections.unmodifiableMap(basis), sentence, RULE,
                    "contract version"));
        }

        /** The facts' days the other versions leave to this one. */
        private long ownDays(LocalDate from, LocalDate to) {
            long days = ChronoUnit.DAYS.between(from, to.plusDays(1));
            for (DaysGoverned other : governedBy) {
                days -= ChronoUnit.DAYS.between(other.from(), other.to().plusDays(1));
            }
            return days;
        }
    }

    /** Days of the facts' period, {@code from} to {@code to} inclusive, on which a published version is in force. */
    @JsonPropertyOrder({"versionId", "versionNumber", "from", "to"})
    public record DaysGoverned(String versionId, int versionNumber, LocalDate from, LocalDate to) {
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
     * is of the contract as a whole, written under its first clause, since a finding names a clause.
     */
    public Settlement from(StoredVersion version) {
        if (version == null) {
            return this;
        }
        List<SettlementLine> said = findings;
        if (version.standing() != null && facts != null && facts.period() != null && !contract.terms().isEmpty()) {
            Optional<SettlementLine> finding = version.standing().finding(contract.terms().keySet().iterator().next(),
                    PerformancePeriod.firstDay(facts.period()), PerformancePeriod.lastDay(facts.period()));
            if (finding.isPresent()) {
                List<SettlementLine> more = new ArrayList<>(findings.size() + 1);
                more.add(finding.get());
                more.addAll(findings);
                said = List.copyOf(more);
            }
        }
        return new Settlement(ipaId, performanceYear, contract.from(version), rulesHash, factsHash, said, lines, totals, facts);
    }

    /**
     * @param payerTotal    everything the payer pays (negative: is owed), practices and IPA together
     * @param ipaPool       the payer's IPA-level lines, which the IPA distributes
     * @param retainedByIpa what the IPA keeps from its pool (administrative fee, reserve)
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
