package org.accord.api;

import java.math.BigInteger;
import java.util.List;
import org.accord.api.generated.model.SweepRange;
import org.accord.scenarios.SimulationRequest;

/**
 * How much work one scenario request may ask for, so that no request occupies the server
 * indefinitely (api-spec/accord.yaml, "Bounded work"). A trial or a sweep point is one
 * settlement of every practice, so the bound that matters is practice-years: 100,000 trials of
 * the 25-practice example (about 20 s on two cores) is the most one request may settle. The
 * 100,000 trials themselves are the schema's maximum, checked with the other constraints.
 */
final class WorkLimits {

    static final int MAX_SWEEP_POINTS = 2_500;
    static final long MAX_PRACTICE_YEARS = 2_500_000;

    private WorkLimits() {
    }

    /**
     * @param trials    the trials asked for, or null for the default
     * @param practices the facts' practices
     */
    static void checkSimulation(Integer trials, int practices) {
        long count = trials == null ? SimulationRequest.DEFAULT_TRIALS : trials;
        if (count * practices > MAX_PRACTICE_YEARS) {
            throw new InvalidRequestException(List.of(Problems.atPointer("/trials", count + " trials of " + practices
                    + " practices settle " + count * practices + " practice-years; at most " + MAX_PRACTICE_YEARS
                    + " per request, so at most " + MAX_PRACTICE_YEARS / practices + " trials for this IPA")));
        }
    }

    /**
     * Counts the points before any is settled; a range the scenario itself would reject (a
     * missing bound, a step not above zero, an end before its start) is left to it to name.
     */
    static void checkSweep(List<SweepRange> vary, int practices) {
        BigInteger points = BigInteger.ONE;
        for (SweepRange range : vary) {
            if (range.getStart() == null || range.getEnd() == null || range.getStep() == null
                    || range.getStep().signum() <= 0 || range.getEnd().compareTo(range.getStart()) < 0) {
                return;
            }
            points = points.multiply(range.getEnd().subtract(range.getStart())
                    .divideToIntegralValue(range.getStep()).toBigInteger().add(BigInteger.ONE));
        }
        if (points.compareTo(BigInteger.valueOf(MAX_SWEEP_POINTS)) > 0) {
            throw new InvalidRequestException(List.of(Problems.atPointer("/vary",
                    "the sweep has " + points + " points; at most " + MAX_SWEEP_POINTS + " per request")));
        }
        long practiceYears = points.longValueExact() * practices;
        if (practiceYears > MAX_PRACTICE_YEARS) {
            throw new InvalidRequestException(List.of(Problems.atPointer("/vary", points + " points of " + practices
                    + " practices settle " + practiceYears + " practice-years; at most " + MAX_PRACTICE_YEARS
                    + " per request, so at most " + MAX_PRACTICE_YEARS / practices + " points for this IPA")));
        }
    }
}
