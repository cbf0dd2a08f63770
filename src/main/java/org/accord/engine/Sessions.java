package org.accord.engine;

import java.util.concurrent.atomic.AtomicInteger;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * Sessions of one rule base for evaluations settled one at a time (a request): a session from
 * KIE's pool is reset on dispose and lent again, so its node memories (a join's hash tables,
 * created for every join a fact reaches, whether or not the contract has its clause) are made once
 * rather than for every evaluation (issue 15: a fifth of the bytes one evaluation allocated).
 * A reset session restarts its fact handle counter and agenda: it settles as a new one does.
 *
 * <p>At most {@link #POOLED} sessions are lent from the pool at a time, so the pool never holds
 * more idle sessions than that; beyond it a session is new and dropped after use, as before.
 * Batches take new sessions: they share one session among many evaluations already.
 */
final class Sessions {

    /** Sessions lent from the pool at once, at most: the cores an evaluation keeps busy, and some more. */
    static final int POOLED = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final KieBase kieBase;
    private final AtomicInteger lent = new AtomicInteger();
    // No session made ahead: a rule base that never settles a single evaluation holds none.
    private final KieSessionsPool pool;

    Sessions(KieBase kieBase) {
        this.kieBase = kieBase;
        this.pool = kieBase.newKieSessionsPool(0);
    }

    /** A session to settle one evaluation in; {@link #done} when the evaluation is settled. */
    Lent lend() {
        if (lent.incrementAndGet() > POOLED) {
            lent.decrementAndGet();
            return new Lent(kieBase.newKieSession(), false);
        }
        return new Lent(pool.newKieSession(), true);
    }

    /** Disposes of the session: one from the pool goes back to it, reset. */
    void done(Lent session) {
        try {
            session.session().dispose();
        } finally {
            if (session.pooled()) {
                lent.decrementAndGet();
            }
        }
    }

    record Lent(KieSession session, boolean pooled) {
    }
}
