package org.accord.settlement;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * One clause outcome. A value with the accessors, equality and JSON of a record; it is a class
 * only so that the explanation can wait: the engine's lines carry the rule's sentence and their
 * numbers, and the sentence is filled in ({@link Explanations#render}) the first time anyone reads
 * it. A batch whose caller reads only amounts (a simulation, a benchmark) never formats a number.
 *
 * <p>Fields, in the order the JSON carries them:
 * {@code scope} ({@code IPA} or the practice id the line belongs to), {@code clause} (the contract
 * clause id; null for a finding of the contract as a whole, {@link #ofTheContract}), {@code flow}
 * (payment, payer to IPA or practice; retained, kept by the IPA from its pool; or distributed, the IPA's pool to a practice; null for a finding), {@code amount} (USD
 * rounded to cents, positive when paid to the scope; null for a finding), {@code basis} (the
 * numbers the rule used, by name, at full precision), {@code explanation} (one sentence stating
 * the outcome with its numbers), {@code rule} (the rule or decision that wrote the line) and
 * {@code detail} (what distinguishes lines a rule writes more than once per scope).
 */
// "payable" is derived from the amount: written, and ignored when a stored line is read back.
@JsonIgnoreProperties(value = "payable", allowGetters = true)
@JsonPropertyOrder({"scope", "clause", "flow", "amount", "basis", "explanation", "rule", "detail", "payable"})
public final class SettlementLine {

    public static final String PAYMENT = "payment";
    public static final String RETAINED = "retained";
    public static final String DISTRIBUTED = "distributed";

    private final String scope;
    private final String clause;
    private final String flow;
    private final BigDecimal amount;
    private final Map<String, Object> basis;
    private final String rule;
    private final String detail;
    /** The rule's sentence with placeholders, until rendered; null once {@link #explanation} is set or when given as text. */
    private final String template;
    // Rendered at most once per line in practice; a race renders the same text twice, harmlessly (a String is immutable).
    private String explanation;

    @JsonCreator
    public SettlementLine(
            @JsonProperty("scope") String scope,
            @JsonProperty("clause") String clause,
            @JsonProperty("flow") String flow,
            @JsonProperty("amount") BigDecimal amount,
            @JsonProperty("basis") Map<String, Object> basis,
            @JsonProperty("explanation") String explanation,
            @JsonProperty("rule") String rule,
            @JsonProperty("detail") String detail) {
        this(scope, clause, flow, amount, basis, explanation, null, rule, detail);
    }

    private SettlementLine(String scope, String clause, String flow, BigDecimal amount, Map<String, Object> basis,
            String explanation, String template, String rule, String detail) {
        this.scope = scope;
        this.clause = clause;
        this.flow = flow;
        this.amount = amount;
        this.basis = basis;
        this.explanation = explanation;
        this.template = template;
        this.rule = rule;
        this.detail = detail;
    }

    /**
     * A line whose explanation is the rule's sentence filled with the line's basis and amount when
     * first read. The sentence is checked now: one naming a number the line lacks fails here, as
     * rendering it would.
     */
    public static SettlementLine explainedLater(String scope, String clause, String flow, BigDecimal amount,
            Map<String, Object> basis, String template, String rule, String detail) {
        Explanations.check(template, basis);
        return new SettlementLine(scope, clause, flow, amount, basis, null, template, rule, detail);
    }

    /**
     * A finding of the contract as a whole, of no one clause (a version's standing on the facts' days, a term's value in
     * another performance year of the period): the IPA's, naming no clause, where a reviewer reading a clause's findings
     * or a client grouping them by clause finds it apart.
     */
    public static SettlementLine ofTheContract(Map<String, Object> basis, String explanation, String rule, String detail) {
        return new SettlementLine("IPA", null, null, null, basis, explanation, null, rule, detail);
    }

    /** Whether the line is a finding of the contract as a whole, which names no clause ({@link #ofTheContract}). */
    @JsonIgnore
    public boolean isOfTheContract() {
        return clause == null;
    }

    /**
     * A line kept for its amount only, never shown: no basis and no sentence, so nothing is checked
     * or rendered. A simulation's trial is summed, not read ({@link SettlementAssembler#outcome}).
     */
    public static SettlementLine amountOnly(String scope, String clause, String flow, BigDecimal amount, String rule) {
        return new SettlementLine(scope, clause, flow, amount, Map.of(), null, null, rule, null);
    }

    @JsonProperty
    public String scope() {
        return scope;
    }

    @JsonProperty
    public String clause() {
        return clause;
    }

    @JsonProperty
    public String flow() {
        return flow;
    }

    @JsonProperty
    public BigDecimal amount() {
        return amount;
    }

    @JsonProperty
    public Map<String, Object> basis() {
        return basis;
    }

    @JsonProperty
    public String explanation() {
        String text = explanation;
        if (text == null && template != null) {
            text = Explanations.render(template, basis, amount);
            explanation = text;
        }
        return text;
    }

    @JsonProperty
    public String rule() {
        return rule;
    }

    @JsonProperty
    public String detail() {
        return detail;
    }

    public boolean isPayable() {
        return amount != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SettlementLine other && Objects.equals(scope, other.scope) && Objects.equals(clause, other.clause)
                && Objects.equals(flow, other.flow) && Objects.equals(amount, other.amount) && Objects.equals(basis, other.basis)
                && Objects.equals(explanation(), other.explanation()) && Objects.equals(rule, other.rule)
                && Objects.equals(detail, other.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scope, clause, flow, amount, basis, explanation(), rule, detail);
    }

    @Override
    public String toString() {
        return "SettlementLine[scope=" + scope + ", clause=" + clause + ", flow=" + flow + ", amount=" + amount + ", basis=" + basis
                + ", explanation=" + explanation() + ", rule=" + rule + ", detail=" + detail + "]";
    }
}
