package org.accord.terms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A rule a clause's parameters must keep together, declared in its template, so that terms never
 * silently change meaning: weights that do not add up to one would be rescaled, band edges out of
 * order would count a variance twice, a minimum above its maximum would apply both.
 *
 * @param kind       what must hold
 * @param parameters the parameters it binds, in the order the kind reads them
 */
public record ClauseConstraint(Kind kind, List<String> parameters) {

    public enum Kind {
        /** Decimal parameters that are shares of one whole: they add up to exactly 1. */
        SUM_TO_ONE("sum-to-one"),
        /** Decimal parameters in order: each at most the next. */
        ASCENDING("ascending"),
        /** A choice whose words are ids of clauses of the same template, or "none". */
        NAMES_A_CLAUSE("names-a-clause");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static Kind fromWord(String word) {
            for (Kind kind : values()) {
                if (kind.word.equals(word)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown constraint '" + word + "'");
        }
    }

    /** The word a names-a-clause parameter takes when it names no clause. */
    public static final String NO_CLAUSE = "none";

    public ClauseConstraint {
        parameters = List.copyOf(parameters);
    }

    /**
     * The constraint in a sentence, as the contract document and the command line say it: "memberMonthsWeight,
     * qualityWeight and costPerformanceWeight add up to exactly 1 (shares of one whole)".
     */
    public String sentence() {
        String names = parameters.size() == 1 ? parameters.get(0)
                : String.join(", ", parameters.subList(0, parameters.size() - 1)) + " and " + parameters.get(parameters.size() - 1);
        return switch (kind) {
            case SUM_TO_ONE -> names + " add up to exactly 1 (shares of one whole)";
            case ASCENDING -> names + " are in ascending order (each at most the next)";
            case NAMES_A_CLAUSE -> names + (parameters.size() == 1 ? " names" : " each name") + " a clause of the same template, or "
                    + NO_CLAUSE;
        };
    }

    /**
     * What is wrong with these resolved values, in a sentence naming every parameter with its value;
     * empty when the constraint holds. Names-a-clause is a property of the template, checked when it loads.
     */
    public Optional<String> violation(Map<String, Object> values) {
        return switch (kind) {
            case SUM_TO_ONE -> {
                BigDecimal sum = parameters.stream().map(p -> (BigDecimal) values.get(p)).reduce(BigDecimal.ZERO, BigDecimal::add);
                yield sum.compareTo(BigDecimal.ONE) == 0 ? Optional.empty() : Optional.of(parameters.stream()
                        .map(p -> p + " " + ((BigDecimal) values.get(p)).toPlainString()).collect(Collectors.joining(" + "))
                        + " = " + sum.toPlainString() + ": " + String.join(", ", parameters)
                        + " are shares of one whole and must add up to 1");
            }
            case ASCENDING -> {
                for (int i = 0; i + 1 < parameters.size(); i++) {
                    BigDecimal lower = (BigDecimal) values.get(parameters.get(i));
                    BigDecimal upper = (BigDecimal) values.get(parameters.get(i + 1));
                    if (lower.compareTo(upper) > 0) {
                        yield Optional.of(parameters.get(i) + " " + lower.toPlainString() + " is above " + parameters.get(i + 1)
                                + " " + upper.toPlainString() + ": " + String.join(", ", parameters) + " must be in ascending order");
                    }
                }
                yield Optional.empty();
            }
            case NAMES_A_CLAUSE -> Optional.empty();
        };
    }
}
