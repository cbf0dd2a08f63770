package org.accord.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.accord.settlement.VersionStanding;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Contracts, their immutable versions and the publications that put a version in force. Every
 * change is an insert in one transaction; no row is ever updated or deleted.
 */
public final class ContractStore {

    private static final String VERSION_COLUMNS = "v.id, v.contract_id, v.number, v.name, v.kind, c.template_id, "
            + "v.template_hash, v.overrides, v.effective_from, v.effective_to, v.version_hash, v.created_at, v.created_by";
    private static final String VERSIONS = "SELECT " + VERSION_COLUMNS + " FROM contract_version v JOIN contract c ON c.id = v.contract_id";
    /** Two callers adding a version at once may both pick the same number; the later one tries again. */
    private static final int ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Clock clock;

    public ContractStore(JdbcClient jdbc, TransactionOperations transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A new contract with its first version, both or neither. The template's content must be stored. */
    public ContractVersion create(String ipaId, String payer, String templateId, NewContractVersion first) {
        String contractId = UUID.randomUUID().toString();
        Instant now = now();
        return transactions.execute(status -> {
            jdbc.sql("INSERT INTO contract (id, ipa_id, payer, template_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(contractId, ipaId, payer, templateId, utc(now), first.createdBy()).update();
            return insertVersion(contractId, templateId, 1, first, now);
        });
    }

    /** Adds a version, numbered after the contract's last one. */
    public ContractVersion addVersion(Contract contract, NewContractVersion version) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    int number = jdbc.sql("SELECT COALESCE(MAX(number), 0) FROM contract_version WHERE contract_id = ?")
                            .param(contract.id()).query(Integer.class).single() + 1;
                    return insertVersion(contract.id(), contract.templateId(), number, version, now());
                });
            } catch (DuplicateKeyException numberTaken) {
                if (attempt == ATTEMPTS) {
                    throw numberTaken;
                }
            }
        }
    }

    private ContractVersion insertVersion(String contractId, String templateId, int number, NewContractVersion v, Instant now) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO contract_version (id, contract_id, number, name, kind, template_hash, overrides, effective_from, "
                + "effective_to, version_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, contractId, number, v.name(), v.kind(), v.templateHash(), v.overrides(), v.effectiveFrom(),
                        v.effectiveTo(), v.versionHash(), utc(now), v.createdBy())
                .update();
        return new ContractVersion(id, contractId, number, v.name(), v.kind(), templateId, v.templateHash(), v.overrides(),
                v.effectiveFrom(), v.effectiveTo(), v.versionHash(), now, v.createdBy());
    }

    /** Contracts, newest first, of one IPA and one payer when given. */
    public List<Contract> list(String ipaId, String payer) {
        return jdbc.sql("SELECT id, ipa_id, payer, template_id, created_at, created_by FROM contract"
                        + " WHERE (CAST(? AS VARCHAR(200)) IS NULL OR ipa_id = ?) AND (CAST(? AS VARCHAR(200)) IS NULL OR payer = ?)"
                        + " ORDER BY created_at DESC, id DESC")
                .params(ipaId, ipaId, payer, payer)
                .query((rs, row) -> contract(rs)).list();
    }

    public Optional<Contract> find(String contractId) {
        return jdbc.sql("SELECT id, ipa_id, payer, template_id, created_at, created_by FROM contract WHERE id = ?")
                .param(contractId).query((rs, row) -> contract(rs)).optional();
    }

    /** A contract's versions, first to last. */
    public List<ContractVersion> versions(String contractId) {
        return jdbc.sql(VERSIONS + " WHERE v.contract_id = ? ORDER BY v.number").param(contractId)
                .query((rs, row) -> version(rs)).list();
    }

    public Optional<ContractVersion> version(String versionId) {
        return jdbc.sql(VERSIONS + " WHERE v.id = ?").param(versionId).query((rs, row) -> version(rs)).optional();
    }

    /** Puts the version in force for its effective period: a new publication, latest first wins. */
    public Publication publish(ContractVersion version, String publishedBy) {
        Instant now = now();
        return transactions.execute(status -> {
            jdbc.sql("INSERT INTO contract_publication (contract_id, version_id, published_at, published_by) VALUES (?, ?, ?, ?)")
                    .params(version.contractId(), version.id(), utc(now), publishedBy).update();
            long sequence = jdbc.sql("SELECT MAX(sequence) FROM contract_publication WHERE version_id = ?")
                    .param(version.id()).query(Long.class).single();
            return new Publication(sequence, version.contractId(), version.id(), now, publishedBy);
        });
    }

    /** A contract's publications, latest first. */
    public List<Publication> publications(String contractId) {
        return jdbc.sql("SELECT sequence, contract_id, version_id, published_at, published_by FROM contract_publication"
                        + " WHERE contract_id = ? ORDER BY sequence DESC")
                .param(contractId)
                .query((rs, row) -> new Publication(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)))
                .list();
    }

    /**
     * The version in force on a day: of the published versions whose period covers it, the one
     * published last (an amendment published after the contract covers its own months).
     */
    public Optional<ContractVersion> inForce(String contractId, LocalDate day) {
        return inForce(day, versions(contractId), publications(contractId));
    }

    /** As {@link #inForce(String, LocalDate)}, from a contract's versions and its publications, latest first. */
    public static Optional<ContractVersion> inForce(LocalDate day, List<ContractVersion> versions, List<Publication> latestFirst) {
        for (Publication publication : latestFirst) {
            Optional<ContractVersion> published = versions.stream().filter(v -> v.id().equals(publication.versionId())).findFirst()
                    .filter(v -> !day.isBefore(v.effectiveFrom()) && !day.isAfter(v.effectiveTo()));
            if (published.isPresent()) {
                return published;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the version is in force on the days {@code start} to {@code end} as the publications
     * stand now: for each day, the version in force is the one published last among the published
     * versions whose period covers it (docs/store.md). A version is evaluated whatever its standing
     * (a proposal for what it would pay, an old version for what it did); the settlement says which.
     *
     * @param publications the contract's publications, latest first
     */
    public static VersionStanding standing(ContractVersion version, List<ContractVersion> versions, List<Publication> publications,
            LocalDate start, LocalDate end) {
        List<VersionStanding.DaysGoverned> governedBy = new ArrayList<>();
        ContractVersion current = null;
        LocalDate currentFrom = null;
        boolean ownDays = false;
        for (LocalDate day = start; !day.isAfter(end.plusDays(1)); day = day.plusDays(1)) {
            ContractVersion governing = day.isAfter(end) ? null : inForce(day, versions, publications).orElse(null);
            if (current != null && (governing == null || !governing.id().equals(current.id()))) {
                if (current.id().equals(version.id())) {
                    ownDays = true;
                } else {
                    governedBy.add(new VersionStanding.DaysGoverned(current.id(), current.number(), currentFrom, day.minusDays(1)));
                }
            }
            if (governing != null && (current == null || !governing.id().equals(current.id()))) {
                currentFrom = day;
            }
            current = governing;
        }
        boolean published = publications.stream().anyMatch(p -> p.versionId().equals(version.id()));
        String inForce = !published ? VersionStanding.UNPUBLISHED
                : ownDays && governedBy.isEmpty() ? VersionStanding.THROUGHOUT : VersionStanding.SUPERSEDED;
        return new VersionStanding(version.number(), inForce, governedBy);
    }

    private Instant now() {
        // The database keeps microseconds: the instant returned is the one read back later.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Contract contract(ResultSet rs) throws SQLException {
        return new Contract(rs.getString("id"), rs.getString("ipa_id"), rs.getString("payer"), rs.getString("template_id"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"));
    }

    private static ContractVersion version(ResultSet rs) throws SQLException {
        return new ContractVersion(rs.getString("id"), rs.getString("contract_id"), rs.getInt("number"), rs.getString("name"),
                rs.getString("kind"), rs.getString("template_id"), rs.getString("template_hash"), rs.getString("overrides"),
                rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class),
                rs.getString("version_hash"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"));
    }
}
