package org.accord.terms;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a clause's concept lets one of its parameters mean in any contract of the concept, as its descriptor declares
 * it: the template's own range lies within it, and an override must keep both. The API, the command line and the
 * reviewers' document all say it from here, so that a negotiator reads it before an evaluation refuses a value.
 *
 * @param concept    the clause's concept
 * @param descriptor the descriptor declaring it ({@code rules/payment/shared-savings.concept.yaml})
 * @param minimum    the least value (for a scale, of each of its rung fields), or null
 * @param maximum    the largest, likewise, or null
 * @param allowed    the only values it may take (an election a regulation offers), or empty for any within the bounds
 * @param rungFields for a scale, the fields of each rung the bounds hold; empty otherwise
 * @param neverFalls for a scale, the rung fields that never fall from one rung to the next (a ladder whose share rises
 *                   with quality); empty where they may (a corridor's shares fall outward)
 */
public record ConceptLimits(String concept, String descriptor, BigDecimal minimum, BigDecimal maximum, List<BigDecimal> allowed,
        List<String> rungFields, List<String> neverFalls) {

    public ConceptLimits {
        allowed = List.copyOf(allowed);
        rungFields = List.copyOf(rungFields);
        neverFalls = List.copyOf(neverFalls);
    }

    /**
     * The limits in words: "0, 0.005, 0.01, 0.015 or 0.02 only", "0 to 1, a share of a whole", "each rung's
     * ipaShareOfGains and ipaShareOfLosses 0 to 1, shares of a whole", "each rung's rate 0 to 1, a share of a whole;
     * rate never falls from one rung to the next", "0 to 5".
     */
    public String sentence() {
        if (!allowed.isEmpty()) {
            List<String> values = allowed.stream().map(BigDecimal::toPlainString).toList();
            return (values.size() == 1 ? values.get(0)
                    : String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1)) + " only";
        }
        String range = minimum != null && maximum != null ? minimum.toPlainString() + " to " + maximum.toPlainString()
                : minimum != null ? "at least " + minimum.toPlainString() : "at most " + maximum.toPlainString();
        if (!rungFields.isEmpty()) {
            return "each rung's " + and(rungFields) + " " + range + (share() ? rungFields.size() == 1 ? ", a share of a whole" : ", shares of a whole" : "")
                    + (neverFalls.isEmpty() ? "" : "; " + and(neverFalls) + " never " + (neverFalls.size() == 1 ? "falls" : "fall")
                            + " from one rung to the next");
        }
        return range + (share() ? ", a share of a whole" : "");
    }

    /** Whether the bounds are a share's: 0 to 1. */
    private boolean share() {
        return minimum != null && maximum != null && BigDecimal.ZERO.compareTo(minimum) == 0 && BigDecimal.ONE.compareTo(maximum) == 0;
    }

    /** The least value any contract of the concept can mean: its least allowed value, or its minimum (null when unbounded). */
    public BigDecimal least() {
        return allowed.isEmpty() ? minimum : allowed.stream().min(BigDecimal::compareTo).orElseThrow();
    }

    /** The largest, likewise. */
    public BigDecimal largest() {
        return allowed.isEmpty() ? maximum : allowed.stream().max(BigDecimal::compareTo).orElseThrow();
    }

    private static String and(List<String> words) {
        return words.size() == 1 ? words.get(0) : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }
}
