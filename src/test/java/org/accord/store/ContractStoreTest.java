package org.accord.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.accord.content.ContentHash;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Contracts, versions and publications on every configured database (H2 always, PostgreSQL when
 * ACCORD_TEST_POSTGRES_URL is set), and the imported facts beside their content.
 */
class ContractStoreTest {

    private static final LocalDate JANUARY = LocalDate.parse("2025-01-01");
    private static final LocalDate JUNE_END = LocalDate.parse("2025-06-30");
    private static final LocalDate JULY = LocalDate.parse("2025-07-01");
    private static final LocalDate DECEMBER_END = LocalDate.parse("2025-12-31");

    static List<String> databases() {
        return TestDatabase.configured();
    }

    private static NewContractVersion version(String name, String templateHash, String overrides, LocalDate from, LocalDate to) {
        return new NewContractVersion(name, "draft", templateHash, overrides, from, to, ContentHash.of(name + overrides), "ann");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void versionsAreNumberedAndTheLatestPublicationCoveringADayIsInForce(String kind, @TempDir Path directory) {
        try (MigratedStore stores = MigratedStore.open(kind, directory)) {
            String template = stores.template();
            ContractStore store = stores.contracts();

            ContractVersion signed = store.create("valley-ipa", "CMS", "mssp-basic",
                    version("as signed", template, "{\"maximumSharingRate\":\"0.50\"}", JANUARY, DECEMBER_END));
            Contract contract = store.find(signed.contractId()).orElseThrow();
            stores.clock.advance(Duration.ofMinutes(1));
            ContractVersion amendment = store.addVersion(contract,
                    version("July amendment", template, "{\"maximumSharingRate\":\"0.60\"}", JULY, DECEMBER_END));
            ContractVersion unpublished = store.addVersion(contract, version("idea", template, "{}", JANUARY, DECEMBER_END));

            assertThat(List.of(signed.number(), amendment.number(), unpublished.number())).containsExactly(1, 2, 3);
            stores.reopen();
            store = stores.contracts();
            assertThat(store.versions(contract.id())).containsExactly(signed, amendment, unpublished);
            assertThat(store.version(amendment.id())).contains(amendment);
            assertThat(store.list("valley-ipa", null)).containsExactly(contract);
            assertThat(store.list(null, "another payer")).isEmpty();
            assertThat(store.inForce(contract.id(), JANUARY)).isEmpty();

            store.publish(signed, "admin");
            store.publish(amendment, "admin");
            // The amendment covers July to December; the contract as signed keeps January to June.
            assertThat(store.inForce(contract.id(), JUNE_END)).contains(signed);
            assertThat(store.inForce(contract.id(), JULY)).contains(amendment);
            assertThat(store.inForce(contract.id(), LocalDate.parse("2026-01-01"))).isEmpty();
            // Published again later, the version as signed wins every day it covers.
            store.publish(signed, "admin");
            assertThat(store.inForce(contract.id(), JULY)).contains(signed);
            assertThat(store.publications(contract.id())).extracting(Publication::versionId)
                    .containsExactly(signed.id(), amendment.id(), signed.id());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aContractWhoseFirstVersionCannotBeStoredLeavesNothingBehind(String kind, @TempDir Path directory) {
        try (MigratedStore stores = MigratedStore.open(kind, directory)) {
            ContractStore store = stores.contracts();
            // The template it names was never stored: the version is refused, and the contract with it.
            assertThatThrownBy(() -> store.create("valley-ipa", "CMS", "mssp-basic",
                    version("as signed", ContentHash.of("missing"), "{}", JANUARY, DECEMBER_END)))
                    .isInstanceOf(DataIntegrityViolationException.class);
            assertThat(store.list(null, null)).isEmpty();
            assertThat(stores.jdbc().sql("SELECT COUNT(*) FROM contract_version").query(Long.class).single()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void importedFactsAreKeptOnceBesideTheirCanonicalContent(String kind, @TempDir Path directory) {
        try (MigratedStore stores = MigratedStore.open(kind, directory)) {
            ContentStore content = stores.content();
            FactsStore facts = new FactsStore(stores.jdbc(), content, stores.clock);
            byte[] canonical = "{\"ipa\":{\"id\":\"tiny\"},\"period\":{\"benchmarkExpenditure\":1000}}".getBytes(StandardCharsets.UTF_8);

            String id = facts.put(canonical, "tiny", 2025, "{\"benchmarkExpenditure\":\"1000.00\"}", "ann");
            String again = facts.put(canonical, "tiny", 2025, "{\"benchmarkExpenditure\":\"1E+3\"}", "bob");

            assertThat(id).isEqualTo(ContentHash.of(canonical)).isEqualTo(again);
            assertThat(content.get(id, ContentKind.FACTS)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(canonical));
            assertThat(content.get(id, ContentKind.TEMPLATE)).isEmpty();
            // The first import is kept.
            assertThat(facts.document(id)).contains("{\"benchmarkExpenditure\":\"1000.00\"}");
            assertThat(facts.document(ContentHash.of("never imported"))).isEmpty();
        }
    }
}
