package org.accord.terms;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One field of one rung of a scale parameter, named as a term so that a negotiator overrides and
 * sweeps it like any other: {@code qualityBonusLadder[2].rate}, {@code withholdReturnLadder[1].threshold}.
 * Rungs are counted from 0 in the order the template lists them.
 *
 * @param parameter the scale parameter
 * @param rung      the rung's index, from 0
 * @param field     {@code threshold} or {@code rate}
 */
public record TermPath(String parameter, int rung, String field) {

    private static final Pattern PATH = Pattern.compile("^(\\w+)\\[(\\d{1,4})\\]\\.(threshold|rate)$");

    /** The path a term name spells, or empty for a plain parameter name. */
    public static Optional<TermPath> parse(String term) {
        Matcher m = PATH.matcher(term);
        return m.matches() ? Optional.of(new TermPath(m.group(1), Integer.parseInt(m.group(2)), m.group(3))) : Optional.empty();
    }

    @Override
    public String toString() {
        return parameter + "[" + rung + "]." + field;
    }
}
