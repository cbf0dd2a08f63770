package org.accord.scenarios;

import java.math.BigDecimal;
import java.util.List;
import org.accord.evaluation.ContractChoice;
import org.accord.facts.PerformanceFacts;
import org.accord.validation.Decimals;

/**
 * Vary one or two contract parameters over a range and settle every point. Problems are named
 * against {@code {"contract", "facts", "vary": [...]}}.
 *
 * @param contract the template and the overrides every point shares (a varied parameter's override is replaced)
 * @param facts    the IPA's performance facts
 * @param vary     one or two ranges; with two, every combination is a point (the first varies slowest)
 */
public record SweepRequest(ContractChoice contract, PerformanceFacts facts, List<Range> vary) {

    public SweepRequest {
        vary = vary == null ? List.of() : List.copyOf(vary);
    }

    /**
     * A parameter's values from start to end (inclusive when a step lands on it) by step.
     *
     * @param parameter a decimal (rate, amount, number) or count parameter of the template
     * @param start     the first value
     * @param end       the last value
     * @param step      the increment, above zero
     */
    public record Range(String parameter, BigDecimal start, BigDecimal end, BigDecimal step) {

        /** Parses {@code name=start:end:step}, the command line's form. */
        public static Range parse(String text) {
            int equals = text.indexOf('=');
            String[] bounds = equals < 0 ? new String[0] : text.substring(equals + 1).split(":");
            if (equals <= 0 || bounds.length != 3) {
                throw new IllegalArgumentException("expected parameter=start:end:step, got '" + text + "'");
            }
            try {
                return new Range(text.substring(0, equals).trim(), Decimals.parseOrThrow(bounds[0].trim()),
                        Decimals.parseOrThrow(bounds[1].trim()), Decimals.parseOrThrow(bounds[2].trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("start, end and step must be decimals in '" + Decimals.abbreviate(text) + "': " + Decimals.EXPECTED);
            }
        }
    }
}
