package org.accord.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.accord.settlement.Settlement;
import org.accord.terms.ContractTemplate;
import org.accord.validation.InputProblem;

/**
 * Which contract to evaluate: a template and overrides of its parameters, and the stored contract
 * version they were read from when the request named one (its settlement names it too). A stored
 * version is settled on the template file it was made on, which a later version of the template
 * published since does not replace (docs/store.md).
 *
 * @param templateId the template's id
 * @param overrides  parameter name to value (a decimal as a string keeps its precision)
 * @param version    the stored contract version, or null
 * @param madeOn     the template file the contract was made on, with id {@code templateId}; null for
 *                   the one served under that id
 */
public record ContractChoice(String templateId, Map<String, Object> overrides, Settlement.StoredVersion version,
        ContractTemplate madeOn) {

    public ContractChoice {
        overrides = overrides == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(overrides));
        if (madeOn != null && !madeOn.id().equals(templateId)) {
            throw new IllegalArgumentException("a contract on template '" + templateId + "' made on template '" + madeOn.id() + "'");
        }
    }

    /** A template and overrides sent as they are, from no stored version. */
    public ContractChoice(String templateId, Map<String, Object> overrides) {
        this(templateId, overrides, null, null);
    }

    /** A stored version on the template served under its id. */
    public ContractChoice(String templateId, Map<String, Object> overrides, Settlement.StoredVersion version) {
        this(templateId, overrides, version, null);
    }

    /** A stored version on the template file it was made on. */
    public static ContractChoice madeOn(ContractTemplate template, Map<String, Object> overrides, Settlement.StoredVersion version) {
        return new ContractChoice(template.id(), overrides, version, template);
    }

    public static ContractChoice of(String templateId) {
        return new ContractChoice(templateId, Map.of());
    }

    /**
     * The same template with one more override: a contract of its own, no longer the stored version,
     * on the template file the version was made on (a sweep of a stored version varies its terms, not its template).
     */
    public ContractChoice with(String parameter, Object value) {
        Map<String, Object> more = new TreeMap<>(overrides);
        more.put(parameter, value);
        return new ContractChoice(templateId, more, null, madeOn);
    }

    /**
     * A template file is its content hash: two choices on the same file are the same contract (the
     * resolved terms are cached by choice, and a template's own equality would read every clause).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ContractChoice that && Objects.equals(templateId, that.templateId)
                && overrides.equals(that.overrides) && Objects.equals(version, that.version)
                && Objects.equals(madeOnHash(), that.madeOnHash());
    }

    @Override
    public int hashCode() {
        return Objects.hash(templateId, overrides, version, madeOnHash());
    }

    @Override
    public String toString() {
        return "ContractChoice[templateId=" + templateId + ", overrides=" + overrides + ", version=" + version
                + (madeOn == null ? "" : ", madeOn=" + madeOn.contentHash()) + "]";
    }

    private String madeOnHash() {
        return madeOn == null ? null : madeOn.contentHash();
    }

    /**
     * Problems named where the request holds them: a stored version's terms are not in the request, so a problem
     * with one of them ({@code /contract/overrides/budgetPmpm}) is named at the version it chose,
     * {@code /contract/contractVersionId}, saying which term of the version it is. From no version, unchanged.
     */
    public List<InputProblem> namedInTheRequest(List<InputProblem> problems) {
        if (version == null) {
            return problems;
        }
        String terms = "/contract/overrides/";
        List<InputProblem> named = new ArrayList<>(problems.size());
        for (InputProblem problem : problems) {
            if (!problem.pointer().startsWith(terms)) {
                named.add(problem);
                continue;
            }
            String rest = problem.pointer().substring(terms.length());
            String parameter = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            Object value = overrides.get(parameter);
            named.add(new InputProblem("/contract/contractVersionId", "the contract version's " + parameter
                    + (value == null ? "" : " is " + (value instanceof BigDecimal decimal ? decimal.toPlainString() : value))
                    + ": " + problem.reason()));
        }
        return named;
    }
}
