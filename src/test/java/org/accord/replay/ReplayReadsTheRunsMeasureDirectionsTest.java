package org.accord.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.accord.content.ClasspathFolder;
import org.accord.engine.Evaluator;
import org.accord.engine.RuleBase;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.io.Json;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.accord.store.ContentKind;
import org.accord.store.ContentStore;
import org.accord.store.DataDirectory;
import org.accord.store.NewRun;
import org.accord.store.RunStore;
import org.accord.terms.TemplateCatalog;
import org.accord.testing.CommandLineRun;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A run replays with the measure directions it was settled with, which its stored template text records
 * ({@code measureDirections}), not with the measure catalogue the service ships when it replays. The small panel's P01
 * reports HBD-POOR with a numerator of 9 and a denominator of 45 less 1 exclusion, 44 eligible; the bonus is $10.00 a
 * member meeting the measure: 35 (44 less the 9 counted) x $10.00 = $350.00 when HBD-POOR is lower-is-better, as the
 * catalogue has it, and 9 x $10.00 = $90.00 under a text that read it as higher-is-better.
 */
class ReplayReadsTheRunsMeasureDirectionsTest {

    private static final String TEMPLATE = "medicaid-ffs-p4p";
    private static final String HBD_POOR_BONUS = "{\"bonusPerMemberMeetingMeasure\":{\"HBD-POOR\":\"10.00\"}}";
    private static final Path SMALL_PANEL = Path.of("examples/small-panel.json");
    private static final String FIXTURES = "replay/measure-directions";

    private static Path dataDir;
    private static ContentStore content;
    private static RunStore runs;
    private static final EvaluationService SERVICE = EvaluationService.load();

    @BeforeAll
    static void openAStore() throws IOException {
        dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "replay-measure-directions");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(DataDirectory.h2Url(dataDir.toAbsolutePath()));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        content = new ContentStore(jdbc, Clock.systemUTC());
        runs = new RunStore(jdbc, TransactionOperations.withoutTransaction(), Clock.systemUTC());
        Map<String, byte[]> rules = new TreeMap<>();
        ClasspathFolder.read(RuleBase.FOLDER).forEach((path, bytes) -> {
            if (path.endsWith(".drl") || path.endsWith(".dmn")) {
                rules.put(RuleBase.FOLDER + "/" + path, bytes);
            }
        });
        assertThat(content.putRuleSet(rules)).isEqualTo(SERVICE.rules().hash());
    }

    @Test
    void aRunOfTheShippedTemplateWithAnHbdPoorBonusReplaysIdentical() {
        byte[] shipped = TemplateCatalog.shippedTexts().get(TEMPLATE + ".yaml");
        assertThat(new String(shipped, StandardCharsets.UTF_8)).contains("measureDirections", "HBD-POOR: \"lower-is-better\"");
        String runId = store(shipped);

        assertThat(hbdPoor(stored(runId), "P01").amount()).isEqualByComparingTo("350.00");
        assertIdenticalOnReplay(runId);
    }

    @Test
    void aRunWhoseTemplateTextReadHbdPoorAsHigherIsBetterReplaysWithThatDirectionNotTheCatalogues() {
        byte[] text = fixture("medicaid-ffs-p4p-hbd-poor-higher-is-better.yaml");
        String runId = store(text);
        // Settled when HBD-POOR read as higher-is-better: paid on its numerator, 9 x $10.00.
        assertThat(hbdPoor(stored(runId), "P01").amount()).isEqualByComparingTo("90.00");

        // The catalogue served now reads it as lower-is-better: the replay keeps the run's direction.
        assertIdenticalOnReplay(runId);
        CommandLineRun json = CommandLineRun.run("replay", runId, "--json", "--data-dir", dataDir.toString());
        assertThat(json.out()).contains("HBD-POOR bonus $90.00: 9 members meeting the measure x $10.00.")
                .doesNotContain("$350.00");
    }

    @Test
    void aRunStoredWithATemplateTextThatRecordsNoDirectionsReplaysAsItWasSettled() {
        // medicaid-ffs-p4p 2025.4, stored by runs made before templates recorded directions, settled with HBD-POOR lower-is-better.
        byte[] text = fixture("medicaid-ffs-p4p-2025.4.yaml");
        assertThat(new String(text, StandardCharsets.UTF_8)).contains("version: \"2025.4\"").doesNotContain("measureDirections");
        String runId = store(text);

        assertThat(hbdPoor(stored(runId), "P01").amount()).isEqualByComparingTo("350.00");
        assertIdenticalOnReplay(runId);
    }

    /** The run settled with this template text and the shipped rules, stored as the service stores one. */
    private static String store(byte[] templateText) {
        TemplateCatalog template = TemplateCatalog.ofFile("the run's template", templateText);
        @SuppressWarnings("unchecked")
        Map<String, Object> overrides = Json.MAPPER.readValue(HBD_POOR_BONUS, Map.class);
        Settlement settlement = EvaluationService.forReplay(template, new Evaluator(SERVICE.rules()))
                .evaluate(new ContractChoice(TEMPLATE, overrides), Json.readFacts(SMALL_PANEL));
        assertThat(content.put(ContentKind.TEMPLATE, templateText)).isEqualTo(settlement.contract().templateHash());
        String request = "{\"contract\":{\"templateId\":\"" + TEMPLATE + "\",\"overrides\":" + HBD_POOR_BONUS + "},\"facts\":"
                + read(SMALL_PANEL) + "}";
        String runId = runs.save(new NewRun("evaluation", "reviewer", TEMPLATE, settlement.ipaId(), settlement.performanceYear(),
                settlement.factsHash(), settlement.contract().termsHash(), settlement.rulesHash(), settlement.contract().templateHash(),
                request, Replay.answer(settlement).toString())).id();
        SETTLED.put(runId, settlement);
        return runId;
    }

    private static final Map<String, Settlement> SETTLED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Settlement stored(String runId) {
        return SETTLED.get(runId);
    }

    private static void assertIdenticalOnReplay(String runId) {
        CommandLineRun replay = CommandLineRun.run("replay", runId, "--data-dir", dataDir.toString());
        assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
        List<String> lines = replay.out().lines().toList();
        assertThat(lines.get(1)).startsWith("rules     stored, " + SERVICE.rules().hash());
        assertThat(lines.get(2)).isEqualTo("outcome   identical");
    }

    private static SettlementLine hbdPoor(Settlement settlement, String scope) {
        return settlement.lines().stream()
                .filter(l -> l.clause().equals("pay-for-performance") && l.scope().equals(scope) && "HBD-POOR".equals(l.detail()))
                .findFirst().orElseThrow();
    }

    private static byte[] fixture(String name) {
        byte[] bytes = ClasspathFolder.read(FIXTURES).get(name);
        assertThat(bytes).as(FIXTURES + "/" + name).isNotNull();
        return bytes;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
