package org.accord.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class H2CompactionTest {

    private static final int RUNS = 300;

    /**
     * H2 reuses a chunk of its file only once none of its pages is live, and keeps each chunk's
     * metadata on the heap until then. Every commit here is a chunk (WRITE_DELAY=0), and every run's
     * row stays live in the chunk that wrote it, so without compaction the file keeps a chunk per
     * stored run. After the compaction's steps have rewritten those rows elsewhere, the old chunks
     * are dead and freed. H2 frees a chunk only once it is older than its retention time (45 s by
     * default): 0 here, so the test need not wait. Every run reads back as it was stored.
     */
    @Test
    void compactionRewritesTheRunsOfOldChunksSoTheChunksAreFreed(@TempDir Path directory) {
        try (TestDatabase db = TestDatabase.h2(directory, ";RETENTION_TIME=0")) {
            db.migrate();
            RunStore runs = new RunStore(db.jdbc(), db.transactions(), new SteppingClock(MigratedStore.MORNING));
            Random random = new Random(16);
            List<String> ids = new ArrayList<>();
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                // 3,000 random bytes as 6,000 hex digits: compressed to about 3,100 bytes, more than a 2 KB page.
                String answer = "{\"lines\":\"" + HexFormat.of().formatHex(randomBytes(random, 3_000)) + "\"}";
                ids.add(runs.save(run(answer)).id());
                answers.add(answer);
            }
            assertThat(chunks(db)).as("chunks after %d runs, not compacted", RUNS).isGreaterThanOrEqualTo(RUNS);

            try (H2Compaction compaction = H2Compaction.startFor(db.dataSource())) {
                compaction.close(); // its steps are taken here, one by one, not on its thread
                int steps = 0;
                while (steps < 100 && compaction.step()) {
                    steps++;
                }
                // 300 rows of about 3 KB compressed, up to 1 MB a step: three steps here, not the limit.
                assertThat(steps).isBetween(1, 99);
            }
            runs.save(run("{\"lines\":[]}")); // H2 frees the chunks the last step left dead as it writes the next commit

            assertThat(chunks(db)).as("chunks after compaction").isLessThan(RUNS / 10);
            for (int i = 0; i < RUNS; i++) {
                assertThat(runs.find(ids.get(i)).orElseThrow().result()).isEqualTo(answers.get(i));
            }
        }
    }

    @Test
    void onlyAnH2FileOfThisProcessIsCompacted(@TempDir Path directory) {
        try (TestDatabase file = TestDatabase.h2(directory, "");
                H2Compaction compaction = H2Compaction.startFor(file.dataSource())) {
            assertThat(compaction.compacting()).isTrue();
        }
        var inMemory = new DriverManagerDataSource("jdbc:h2:mem:h2-compaction-test");
        try (H2Compaction compaction = H2Compaction.startFor(inMemory)) {
            assertThat(compaction.compacting()).isFalse();
        }
        if (TestDatabase.configured().contains("PostgreSQL")) {
            try (TestDatabase postgres = TestDatabase.create("PostgreSQL", directory)) {
                postgres.migrate();
                try (H2Compaction compaction = H2Compaction.startFor(postgres.dataSource())) {
                    assertThat(compaction.compacting()).isFalse();
                }
            }
        }
    }

    private static NewRun run(String answer) {
        return new NewRun("evaluation", "test", "mssp-basic", "valley-ipa", 2026, null, null, "sha256:rules", null,
                "{\"ipa\":\"valley-ipa\"}", answer);
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The chunks of the file H2 keeps, as it reports them. */
    private static int chunks(TestDatabase db) {
        return Integer.parseInt(db.jdbc().sql("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNK_COUNT'")
                .query(String.class).single());
    }
}
