package org.accord.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.accord.content.ContentHash;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A template version names one text for good, held by the store itself: two stores on one database, as two services have,
 * cannot record two texts under one version, one after the other or at the same moment. On every configured database.
 */
class TemplateVersionsTest {

    static List<String> databases() {
        return TestDatabase.configured();
    }

    private static String text(String name) {
        return ContentHash.of("id: payer-capitation\nversion: '2'\n# " + name + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theFirstTextRecordedUnderAVersionIsTheOneItNamesWhicheverStoreRecordsAnother(String kind, @TempDir Path directory) {
        try (MigratedStore store = MigratedStore.open(kind, directory)) {
            TemplateVersions one = new TemplateVersions(store.jdbc(), store.clock);
            TemplateVersions another = new TemplateVersions(store.jdbc(), store.clock);
            TemplateVersions.Label two = new TemplateVersions.Label("payer-capitation", "2");

            assertThat(one.textOf(two)).isEmpty();
            assertThat(one.record(two, text("first"))).isEqualTo(text("first"));
            assertThat(another.record(two, text("other"))).isEqualTo(text("first"));
            assertThat(another.record(two, text("first"))).as("the same text again").isEqualTo(text("first"));
            assertThat(another.textOf(two)).contains(text("first"));
            TemplateVersions.Label three = new TemplateVersions.Label("payer-capitation", "3");
            assertThat(another.record(three, text("other"))).as("another version").isEqualTo(text("other"));
            assertThat(one.all()).containsOnly(java.util.Map.entry(two, text("first")), java.util.Map.entry(three, text("other")));
            store.reopen();
            assertThat(new TemplateVersions(store.jdbc(), store.clock).textOf(two)).as("after a restart").contains(text("first"));
        }
    }

    /** Two stores record other texts under the same versions at the same moments: each version names one text, and both are told it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoStoresRecordingOtherTextsUnderOneVersionAtOnceAreBothToldTheOneItNames(String kind, @TempDir Path directory)
            throws Exception {
        ExecutorService services = Executors.newFixedThreadPool(2);
        try (MigratedStore store = MigratedStore.open(kind, directory)) {
            List<TemplateVersions> stores = List.of(new TemplateVersions(store.jdbc(), store.clock),
                    new TemplateVersions(store.jdbc(), store.clock));
            int versions = 40;
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<List<String>>> told = new ArrayList<>();
            for (int service = 0; service < 2; service++) {
                TemplateVersions versionsOf = stores.get(service);
                String name = "service " + service;
                told.add(services.submit(() -> {
                    List<String> named = new ArrayList<>();
                    for (int version = 0; version < versions; version++) {
                        together.await();
                        named.add(versionsOf.record(new TemplateVersions.Label("raced", String.valueOf(version)), text(name + " " + version)));
                    }
                    return named;
                }));
            }

            List<String> first = told.get(0).get();
            List<String> second = told.get(1).get();
            assertThat(first).isEqualTo(second);
            for (int version = 0; version < versions; version++) {
                assertThat(first.get(version)).isIn(text("service 0 " + version), text("service 1 " + version));
                assertThat(stores.get(0).textOf(new TemplateVersions.Label("raced", String.valueOf(version)))).contains(first.get(version));
            }
            assertThat(store.jdbc().sql("SELECT COUNT(*) FROM template_version").query(Long.class).single()).isEqualTo(versions);
        } finally {
            services.shutdownNow();
        }
    }
}
