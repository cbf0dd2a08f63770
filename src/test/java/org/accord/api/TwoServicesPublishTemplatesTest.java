package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.accord.content.ContentHash;
import org.accord.evaluation.EvaluationService;
import org.accord.security.AuditLog;
import org.accord.store.ContentKind;
import org.accord.store.ContentStore;
import org.accord.store.TemplateVersions;
import org.accord.store.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two services on one database publish templates (PostgreSQL in production, H2 here too): a version names one text for
 * good across both, since the store holds it (6eebc50 held it in each service's memory, built at its start, so each
 * could publish version N with its own text). On every configured database.
 */
class TwoServicesPublishTemplatesTest {

    static List<String> databases() {
        return TestDatabase.configured();
    }

    /** A service's publications as its start makes them: its own evaluation service and memory, on the shared database. */
    private static PublishedTemplates service(JdbcClient jdbc) {
        Clock clock = Clock.systemUTC();
        return new PublishedTemplates(EvaluationService.load(), new ContentStore(jdbc, clock), "", Duration.ofSeconds(30),
                new AuditLog(jdbc, clock), new TemplateVersions(jdbc, clock));
    }

    private static byte[] capitation(String id, String capitationPmpm) {
        return PublishedTemplatesApiTest.payerCapitation(id, "2", capitationPmpm).getBytes(StandardCharsets.UTF_8);
    }

    private static String refusal(String id, byte[] first) {
        return "template '" + id + "' version 2 was published before with other content (" + ContentHash.of(first)
                + "): a version names one text for good; give a changed template a new version";
    }

    /** Both started before either published: the second's memory knows nothing of the first's version 2. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aVersionOneServicePublishedIsRefusedWithOtherContentByTheOther(String kind, @TempDir Path directory) {
        try (TestDatabase db = TestDatabase.create(kind, directory)) {
            db.migrate();
            PublishedTemplates one = service(db.jdbc());
            PublishedTemplates other = service(db.jdbc());
            byte[] first = capitation("two-services", "60.00");
            byte[] second = capitation("two-services", "90.00");

            assertThat(one.publish(first).published()).isTrue();
            Throwable refused = catchThrowable(() -> other.publish(second));

            assertThat(refused).isInstanceOf(PublishedTemplates.IdTaken.class).hasMessage(refusal("two-services", first));
            ContentStore content = new ContentStore(db.jdbc(), Clock.systemUTC());
            assertThat(content.get(ContentHash.of(second))).as("the refused text is not stored").isEmpty();
            assertThat(other.publish(first).published()).as("the first text, from the other service").isTrue();
            assertThat(content.allOf(ContentKind.TEMPLATE)).containsOnlyKeys(ContentHash.of(first));
        }
    }

    /**
     * A database a service left before the store held the versions (Flyway V8), with version 2 and version 3 published: the
     * next start records each version under the text stored first, so other content under version 2 is refused by every
     * service from then on, and the version in force is the same.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theVersionsPublishedBeforeTheStoreHeldThemAreRecordedByTheNextStart(String kind, @TempDir Path directory) {
        try (TestDatabase db = TestDatabase.create(kind, directory)) {
            db.migrate("8");
            ContentStore content = new ContentStore(db.jdbc(), Clock.systemUTC());
            byte[] two = capitation("published-before", "60.00");
            byte[] three = PublishedTemplatesApiTest.payerCapitation("published-before", "3", "70.00").getBytes(StandardCharsets.UTF_8);
            content.put(ContentKind.TEMPLATE, two);
            content.put(ContentKind.TEMPLATE, three);
            db.migrate();

            EvaluationService started = EvaluationService.load();
            Clock clock = Clock.systemUTC();
            PublishedTemplates one = new PublishedTemplates(started, content, "", Duration.ofSeconds(30), new AuditLog(db.jdbc(), clock),
                    new TemplateVersions(db.jdbc(), clock));
            PublishedTemplates other = service(db.jdbc());

            TemplateVersions versions = new TemplateVersions(db.jdbc(), clock);
            assertThat(versions.textOf(new TemplateVersions.Label("published-before", "2"))).contains(ContentHash.of(two));
            assertThat(versions.textOf(new TemplateVersions.Label("published-before", "3"))).contains(ContentHash.of(three));
            assertThat(started.templates().find("published-before").orElseThrow().version()).isEqualTo("3");
            for (PublishedTemplates service : List.of(one, other)) {
                assertThat(catchThrowable(() -> service.publish(capitation("published-before", "90.00"))))
                        .isInstanceOf(PublishedTemplates.IdTaken.class).hasMessageContaining("version 2 was published before with other content ("
                                + ContentHash.of(two) + ")");
            }
        }
    }

    /**
     * At the same moments: of two services publishing version 2 of an id with other texts, one publishes and the other is
     * refused naming the text the first published, which alone is stored. Each round is a new id.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoServicesPublishingOtherTextsUnderOneVersionAtOncePublishOne(String kind, @TempDir Path directory) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (TestDatabase db = TestDatabase.create(kind, directory)) {
            db.migrate();
            List<PublishedTemplates> services = List.of(service(db.jdbc()), service(db.jdbc()));
            int rounds = 20;
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<List<Object>>> outcomes = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                PublishedTemplates service = services.get(s);
                String capitationPmpm = s == 0 ? "60.00" : "90.00";
                outcomes.add(threads.submit(() -> {
                    List<Object> each = new ArrayList<>();
                    for (int round = 0; round < rounds; round++) {
                        byte[] text = capitation("raced-" + round, capitationPmpm);
                        together.await();
                        each.add(catchThrowable(() -> service.publish(text)) instanceof PublishedTemplates.IdTaken taken ? taken.getMessage()
                                : ContentHash.of(text));
                    }
                    return each;
                }));
            }

            List<Object> first = outcomes.get(0).get();
            List<Object> second = outcomes.get(1).get();
            ContentStore content = new ContentStore(db.jdbc(), Clock.systemUTC());
            for (int round = 0; round < rounds; round++) {
                String id = "raced-" + round;
                byte[] sixty = capitation(id, "60.00");
                byte[] ninety = capitation(id, "90.00");
                assertThat(List.of(first.get(round), second.get(round))).as(id).isIn(
                        List.of(ContentHash.of(sixty), refusal(id, sixty)), List.of(refusal(id, ninety), ContentHash.of(ninety)));
                boolean sixtyWon = first.get(round).equals(ContentHash.of(sixty));
                assertThat(content.get(ContentHash.of(sixtyWon ? ninety : sixty))).as(id + ": the refused text").isEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
