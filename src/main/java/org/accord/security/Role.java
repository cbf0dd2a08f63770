package org.accord.security;

import java.util.Locale;

/** The roles a caller may hold (issue 17); the operation table grants operations to them. */
public enum Role {
    /** Evaluates, runs scenarios, keeps drafts and proposals. */
    NEGOTIATOR,
    /** Another IPA tool: evaluates and reads its own runs. */
    INTEGRATOR,
    /** Reads rules, templates, contract documents and all runs, replays; writes nothing. */
    REVIEWER,
    /** Keys, publishing contract versions, templates, the operator's endpoints. */
    ADMIN;

    /** The Spring Security authority ({@code ROLE_NEGOTIATOR}). */
    public String authority() {
        return "ROLE_" + name();
    }

    /** A role as configuration, tokens and the table write it: {@code negotiator}, any case. */
    public static Role named(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
}
