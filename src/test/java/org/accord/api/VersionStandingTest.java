package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.accord.settlement.Settlement;
import org.accord.settlement.VersionStanding;
import org.accord.store.ContractVersion;
import org.accord.store.Publication;
import org.junit.jupiter.api.Test;

/**
 * Whether a version is in force on the facts' days, from the contract's publications (docs/store.md: for any day,
 * the version published last among the published versions whose period covers it).
 */
class VersionStandingTest {

    private static final LocalDate JANUARY = LocalDate.parse("2025-01-01");
    private static final LocalDate DECEMBER_END = LocalDate.parse("2025-12-31");

    private static ContractVersion version(int number, String from, String to) {
        return new ContractVersion("v" + number, "c", number, "version " + number, "draft", "ma-capitation", "sha256:t", "{}",
                LocalDate.parse(from), LocalDate.parse(to), "sha256:v" + number, Instant.EPOCH, "tests");
    }

    /** Publications latest first, as the store answers them. */
    private static List<Publication> published(ContractVersion... latestFirst) {
        List<Publication> publications = new java.util.ArrayList<>();
        for (int i = 0; i < latestFirst.length; i++) {
            publications.add(new Publication(latestFirst.length - i, "c", latestFirst[i].id(), Instant.EPOCH, "tests"));
        }
        return publications;
    }

    @Test
    void aVersionPublishedOverForEveryDayIsInForceOnNoneAndSaysWhichIs() {
        ContractVersion signed = version(1, "2025-01-01", "2025-12-31");
        ContractVersion replacement = version(2, "2025-01-01", "2025-12-31");
        VersionStanding standing = org.accord.store.ContractStore.standing(signed, List.of(signed, replacement),
                published(replacement, signed), JANUARY, DECEMBER_END);

        assertThat(standing).isEqualTo(new VersionStanding(1, VersionStanding.SUPERSEDED,
                List.of(new VersionStanding.DaysGoverned("v2", 2, JANUARY, DECEMBER_END))));
    }

    @Test
    void aVersionPublishedAgainAfterAnAmendmentIsInForceThroughoutOnceMore() {
        ContractVersion signed = version(1, "2025-01-01", "2025-12-31");
        ContractVersion july = version(2, "2025-07-01", "2025-12-31");
        // Published, amended from July, then published again: the latest publication covers every day.
        VersionStanding standing = org.accord.store.ContractStore.standing(signed, List.of(signed, july),
                published(signed, july, signed), JANUARY, DECEMBER_END);

        assertThat(standing.inForce()).isEqualTo(VersionStanding.THROUGHOUT);
        assertThat(standing.governedBy()).isEmpty();
    }

    @Test
    void anAmendmentForMonthsInsideThePeriodLeavesTheDaysEitherSideToTheVersion() {
        ContractVersion signed = version(1, "2025-01-01", "2025-12-31");
        ContractVersion summer = version(2, "2025-06-01", "2025-08-31");
        ContractVersion proposal = version(3, "2025-01-01", "2025-12-31");
        List<ContractVersion> all = List.of(signed, summer, proposal);

        assertThat(org.accord.store.ContractStore.standing(signed, all, published(summer, signed), JANUARY, DECEMBER_END))
                .isEqualTo(new VersionStanding(1, VersionStanding.SUPERSEDED,
                        List.of(new VersionStanding.DaysGoverned("v2", 2, LocalDate.parse("2025-06-01"), LocalDate.parse("2025-08-31")))));
        // The proposal, never published, is in force on none: version 1, then 2, then 1 again.
        assertThat(org.accord.store.ContractStore.standing(proposal, all, published(summer, signed), JANUARY, DECEMBER_END))
                .isEqualTo(new VersionStanding(3, VersionStanding.UNPUBLISHED, List.of(
                        new VersionStanding.DaysGoverned("v1", 1, JANUARY, LocalDate.parse("2025-05-31")),
                        new VersionStanding.DaysGoverned("v2", 2, LocalDate.parse("2025-06-01"), LocalDate.parse("2025-08-31")),
                        new VersionStanding.DaysGoverned("v1", 1, LocalDate.parse("2025-09-01"), DECEMBER_END))));
    }
}
