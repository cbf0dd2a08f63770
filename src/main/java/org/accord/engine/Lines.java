package org.accord.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where the rules write their settlement lines: the session's global {@code lines}, as in
 * {@code lines.add( Line.of( $clause, drools.getRule() ).with( ... ).pays( amount ) )}.
 *
 * <p>A line becomes a fact of the session only if a rule reads it: the payable lines to the IPA as
 * a whole, which the pool sums (rules/distribution/pool.drl, and rules/ipa/pool-retained.drl where no
 * clause distributes it) and the loss limit reads for the shared losses owed (rules/payment/loss-limit.drl). Every other line (a practice's line, a
 * finding) is only kept here: a fact would cost a pass through the rules' network that matches
 * nothing (issue 15: most of an evaluation's lines). A rule set stored before this collector
 * inserted every line as a fact and declared no global; the evaluator collects those lines from
 * the session's facts.
 */
public final class Lines {

    private final List<Line> written = new ArrayList<>();
    private final Set<Line> facts = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Consumer<Object> session;

    /** Lines written in a session that {@code session} inserts facts into. */
    Lines(Consumer<Object> session) {
        this.session = session;
    }

    /** Writes a completed line (one that {@link Line#pays} or {@link Line#finds}) into the settlement. */
    public void add(Line line) {
        written.add(line);
        if (readByRules(line)) {
            facts.add(line);
            session.accept(line);
        }
    }

    /** Lines some rule matches on: the payable lines to the IPA as a whole. */
    static boolean readByRules(Line line) {
        return line.isPayable() && Ipa.SCOPE.equals(line.getScope());
    }

    /** Every line written, in the order the rules wrote them. */
    List<Line> written() {
        return written;
    }

    /** Whether this collector inserted the line as a fact (it is then among {@link #written()} already). */
    boolean inserted(Line line) {
        return facts.contains(line);
    }
}
