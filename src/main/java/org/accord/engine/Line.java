package org.accord.engine;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.accord.money.Money;
import org.kie.api.definition.rule.Rule;

/**
 * What a rule writes into a settlement: a payable line (an amount already rounded to cents by
 * {@link Money#payable}) or a finding (a determination without an amount, such as the minimum
 * savings rate that applied). It records the rule, the numbers it used and the rule's explanation
 * text, which is filled with those numbers when the settlement is rendered.
 */
public final class Line {

    /**
     * Each rule's explanation, unquoted once: every line of a rule then carries the same text
     * instance, whose hash is computed once, so the rendering's cache of parsed sentences finds it
     * without hashing a long sentence per line. A few dozen rules: no bound needed beyond theirs.
     */
    private static final Map<String, String> EXPLANATIONS = new ConcurrentHashMap<>();

    private final Evaluation evaluation;
    private final String clauseId;
    private final String concept;
    private final String rule;
    private final String explanation;
    private final Basis basis = new Basis();
    private String scope = Ipa.SCOPE;
    private String detail = "";
    private BigDecimal amount;

    private Line(Evaluation evaluation, String clauseId, String concept, Rule rule, String sentence) {
        this.evaluation = evaluation;
        this.clauseId = clauseId;
        this.concept = concept;
        this.rule = rule.getName();
        Object text = rule.getMetaData().get(sentence);
        if (text == null) {
            throw new IllegalStateException("rule \"" + rule.getName() + "\" writes a line but has no @" + sentence);
        }
        this.explanation = EXPLANATIONS.computeIfAbsent(text.toString(), Line::unquote);
    }

    /** A line of the clause, written by the rule (pass {@code drools.getRule()}), explained by its {@code @explanation}. */
    public static Line of(Clause clause, Rule rule) {
        return new Line(clause.getEvaluation(), clause.getId(), clause.getConcept(), rule, "explanation");
    }

    /**
     * A line of the clause explained by another sentence of the rule, its metadata {@code sentence}: for a case the
     * rule's arithmetic covers that its {@code @explanation} would say wrongly (a range of one rate "interpolated
     * between 2% and 2%"), where a rule of its own would repeat the arithmetic.
     */
    public static Line of(Clause clause, Rule rule, String sentence) {
        return new Line(clause.getEvaluation(), clause.getId(), clause.getConcept(), rule, sentence);
    }

    /**
     * A finding of the contract as a whole, of no one clause (the cost compared with the targets): it names no clause,
     * so a reviewer reading a clause's findings, or a client grouping them by clause, finds it apart. Never payable.
     */
    public static Line ofTheContract(Evaluation evaluation, Rule rule) {
        return new Line(evaluation, null, null, rule, "explanation");
    }

    /** The line belongs to a practice rather than to the IPA as a whole. */
    public Line forPractice(Practice practice) {
        this.scope = practice.getId();
        return this;
    }

    public Line forScope(String scope) {
        this.scope = scope;
        return this;
    }

    /** Distinguishes lines a rule writes more than once for one scope (a measure, a band). */
    public Line about(String detail) {
        this.detail = detail;
        return this;
    }

    /** A number the line used, named as the explanation names it. */
    public Line with(String name, Object value) {
        basis.add(name, value);
        return this;
    }

    /** Completes a payable line: the amount must already be rounded to cents. */
    public Line pays(BigDecimal payable) {
        if (clauseId == null) {
            throw new IllegalStateException("rule \"" + rule + "\" pays on a line of the contract as a whole: only a clause pays");
        }
        if (payable.scale() != Money.SCALE) {
            throw new IllegalStateException("rule \"" + rule + "\" pays " + payable.toPlainString()
                    + ", which was not rounded to cents by Money.payable");
        }
        this.amount = payable;
        return this;
    }

    /** Completes a finding: a determination with no amount. */
    public Line finds() {
        this.amount = null;
        return this;
    }

    public Evaluation getEvaluation() {
        return evaluation;
    }

    /** The clause the line is of; null for a finding of the contract as a whole ({@link #ofTheContract}). */
    public String getClauseId() {
        return clauseId;
    }

    /** The concept of the clause that wrote the line. */
    public String getConcept() {
        return concept;
    }

    public String getRule() {
        return rule;
    }

    public String getExplanation() {
        return explanation;
    }

    public Map<String, Object> getBasis() {
        return basis;
    }

    public String getScope() {
        return scope;
    }

    public String getDetail() {
        return detail;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public boolean isPayable() {
        return amount != null;
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
