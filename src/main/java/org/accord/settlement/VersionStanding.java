package org.accord.settlement;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a stored version was in force on the facts' days, as the contract's publications stood
 * when it was evaluated: naming a version does not put it in force (a proposal is evaluated for
 * what it would have paid, an old version for what it did). Kept with the stored run as it was: a
 * version published since changes no stored settlement, and a replay settles with the standing stored.
 *
 * @param versionNumber the version's number in its contract
 * @param inForce       {@link #THROUGHOUT}, {@link #UNPUBLISHED} or {@link #SUPERSEDED}
 * @param governedBy    the other versions in force on days of the facts' period, in date order
 */
@JsonPropertyOrder({"versionNumber", "inForce", "governedBy"})
public record VersionStanding(int versionNumber, String inForce, List<DaysGoverned> governedBy) {

    /** Published, and the version in force on every day of the facts' period. */
    public static final String THROUGHOUT = "throughout";
    /** A draft or proposal not published: in force on none of the days. */
    public static final String UNPUBLISHED = "unpublished";
    /** Published, but on some or all of the days another version, published after it, is in force. */
    public static final String SUPERSEDED = "superseded";
    /** The rule a standing's finding names. */
    public static final String RULE = "A contract version settles every day of the facts whether or not it is in force on them, and says so";

    public VersionStanding {
        governedBy = governedBy == null ? List.of() : List.copyOf(governedBy);
    }

    /**
     * The finding of the contract that says in words what the standing says, for the facts' days {@code from}
     * to {@code to}; none when the version was in force throughout.
     */
    Optional<SettlementLine> finding(LocalDate from, LocalDate to) {
        if (THROUGHOUT.equals(inForce)) {
            return Optional.empty();
        }
        String days = from + " to " + to;
        StringBuilder others = new StringBuilder();
        for (int i = 0; i < governedBy.size(); i++) {
            DaysGoverned other = governedBy.get(i);
            others.append(i == 0 ? "" : i == governedBy.size() - 1 ? " and " : ", ").append("version ")
                    .append(other.versionNumber()).append(" on ").append(other.from()).append(" to ").append(other.to());
        }
        String sentence;
        if (UNPUBLISHED.equals(inForce)) {
            sentence = "Contract version " + versionNumber + " is not published, so it is in force on none of the facts' days, "
                    + days + ": they are settled here at its terms, as it would pay, not at the terms in force on them"
                    + (governedBy.isEmpty() ? " (no version of the contract is published for them)." : " (" + others + ").");
        } else {
            long own = ownDays(from, to);
            sentence = "Contract version " + versionNumber + " is published, but on " + (own == 0 ? "all" : "some")
                    + " of the facts' days, " + days + ", a version published after it is in force: " + others
                    + (own == 0 ? "" : "; version " + versionNumber + " on the other " + own + " days")
                    + ". Every day is settled here at version " + versionNumber + "'s terms.";
        }
        Map<String, Object> basis = new LinkedHashMap<>();
        basis.put("versionNumber", versionNumber);
        basis.put("inForce", inForce);
        basis.put("from", from.toString());
        basis.put("to", to.toString());
        return Optional.of(SettlementLine.ofTheContract(Collections.unmodifiableMap(basis), sentence, RULE, "contract version"));
    }

    /** The facts' days the other versions leave to this one. */
    private long ownDays(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to.plusDays(1));
        for (DaysGoverned other : governedBy) {
            days -= ChronoUnit.DAYS.between(other.from(), other.to().plusDays(1));
        }
        return days;
    }

    /** Days of the facts' period, {@code from} to {@code to} inclusive, on which a published version is in force. */
    @JsonPropertyOrder({"versionId", "versionNumber", "from", "to"})
    public record DaysGoverned(String versionId, int versionNumber, LocalDate from, LocalDate to) {
    }
}
