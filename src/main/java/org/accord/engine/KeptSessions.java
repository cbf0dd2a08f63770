package org.accord.engine;

import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * One emptied session kept per thread, for the rule base the thread last settled with (issue 15):
 * a new session builds the memories of every node it reaches (indexes, beta and segment memories),
 * a large part of what a single evaluation costs. A session taken from here
 * is the thread's alone until given back; giving back empties it as Drools' own session pools do
 * ({@link StatefulKnowledgeSessionImpl#reset()}: no facts, matches, focus, globals or listeners
 * remain, fact handle and propagation counters restart from zero) and keeps its node memories.
 */
final class KeptSessions {

    // One slot per thread, not a pool: a thread settles one session at a time, and a thread that
    // changes rule base (a replay of an old rule set) disposes the session of the one it leaves.
    private static final ThreadLocal<Kept> KEPT = new ThreadLocal<>();

    private record Kept(KieBase base, KieSession session) {
    }

    private KeptSessions() {
    }

    /** The thread's kept session for this rule base, or a new one. */
    static KieSession take(KieBase base) {
        Kept kept = KEPT.get();
        if (kept != null) {
            KEPT.remove();
            if (kept.base() == base) {
                return kept.session();
            }
            kept.session().dispose();
        }
        return base.newKieSession();
    }

    /**
     * Empties a session that settled without failing and keeps it for the thread's next
     * evaluation; a session that failed mid-way is disposed by the caller instead, never kept.
     */
    static void giveBack(KieBase base, KieSession session) {
        if (!(session instanceof StatefulKnowledgeSessionImpl resettable)) {
            session.dispose();
            return;
        }
        resettable.reset();
        Kept previous = KEPT.get();
        if (previous != null) {
            // Only when settling nested in another settlement on the same thread: keep one.
            previous.session().dispose();
        }
        KEPT.set(new Kept(base, session));
    }
}
