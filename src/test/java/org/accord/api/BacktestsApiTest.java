package org.accord.api;

import static org.accord.api.ProblemResponsesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.accord.backtest.Backtest;
import org.accord.io.Json;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /api/v1/backtests}: the CMS public use file as the body, the command's JSON document back. */
class BacktestsApiTest extends ServerTest {

    static final String BACKTESTS = "/api/v1/backtests";
    static final String CMS_FILE = "examples/cms/mssp-aco-puf-2018.csv";

    @BeforeEach
    void forgetEarlierEvaluations() {
        clearInvocations(evaluations);
    }

    private Reply postCsv(String csv) {
        return post(BACKTESTS, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theShippedFileIsReproducedAndAnsweredAsTheCommandsJson() {
        String csv = read(CMS_FILE);

        Reply reply = postCsv(csv);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json().get("reproduced").asInt()).isEqualTo(548);
        assertThat(reply.json().get("total").asInt()).isEqualTo(548);
        assertThat(reply.json().get("misses").size()).isZero();
        // the same document as `accord backtest cms-puf --file <csv> --json`
        assertThat(reply.json()).isEqualTo(JSON.readTree(Json.write(Backtest.run(evaluations, new StringReader(csv)))));
    }

    @Test
    void aRowWhosePublishedAmountIsChangedIsAMissWithItsSettlementLines() {
        // a published amount a million dollars off is far beyond the rounding bound of any row
        // (|BnchmkMinExp| x maximum sharing rate x 0.00005 + $2: a few thousand dollars at most)
        String csv = withCell(read(CMS_FILE), "A1001", "EarnSaveLoss", value -> new BigDecimal(value)
                .add(new BigDecimal("1000000")).toPlainString());

        Reply reply = postCsv(csv);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode result = reply.json();
        assertThat(result.get("reproduced").asInt()).isEqualTo(547);
        assertThat(result.get("total").asInt()).isEqualTo(548);
        JsonNode miss = result.at("/misses/0");
        assertThat(result.get("misses").size()).isEqualTo(1);
        assertThat(miss.get("acoId").asString()).isEqualTo("A1001");
        assertThat(new BigDecimal(miss.get("difference").asString()))
                .isEqualByComparingTo(new BigDecimal(miss.get("computed").asString())
                        .subtract(new BigDecimal(miss.get("expected").asString())));
        // unchanged, the row is reproduced: its difference less the million is within its tolerance
        assertThat(new BigDecimal(miss.get("difference").asString()).add(new BigDecimal("1000000")).abs())
                .isLessThanOrEqualTo(new BigDecimal(miss.get("tolerance").asString()));
        assertThat(miss.at("/reasons/0").asString()).contains("EarnSaveLoss", "beyond the tolerance");
        assertThat(miss.get("lines").size()).isPositive();
        assertThat(miss.get("lines").valueStream().filter(line -> line.has("amount")))
                .allSatisfy(line -> assertThat(line.get("amount").isString()).isTrue());
        assertThat(result).isEqualTo(withoutNulls(JSON.readTree(Json.write(Backtest.run(evaluations, new StringReader(csv))))));
    }

    @Test
    void aMalformedCellIsA422NamingTheLineAndColumnAndNothingIsEvaluated() {
        String csv = withCell(read(CMS_FILE), "A1002", "N_AB", value -> "many");

        Reply reply = postCsv(csv);

        JsonNode errors = assertProblem(reply, 422, BACKTESTS);
        assertThat(reply.json().get("type").asString()).isEqualTo(Problems.INVALID_INPUT);
        assertThat(errors.size()).as(errors.toString()).isEqualTo(1);
        // the header is line 1, A1001 line 2, A1002 line 3
        assertThat(errors.at("/0/location").asString()).isEqualTo("line 3 (ACO_ID A1002), column N_AB");
        assertThat(errors.at("/0/reason").asString()).isEqualTo("'many' is not a number");
        assertThat(errors.at("/0").has("pointer")).isFalse();
        verify(evaluations, never()).evaluateAll(any(), any());
        verify(evaluations, never()).evaluateAll(any(), any(), any());
    }

    @Test
    void aHeaderOfNoKnownLayoutIsA422AtTheHeader() {
        Reply reply = postCsv("aco,savings\nA1,12\n");

        JsonNode errors = assertProblem(reply, 422, BACKTESTS);
        assertThat(errors.at("/0/location").asString()).isEqualTo("header");
        assertThat(errors.at("/0/reason").asString()).contains("matches no known layout", "N_AB");
        verify(evaluations, never()).evaluateAll(any(), any());
        verify(evaluations, never()).evaluateAll(any(), any(), any());
    }

    @Test
    void anEmptyBodyIsA400AskingForTheCsv() {
        Reply reply = postCsv("");

        JsonNode errors = assertProblem(reply, 400, BACKTESTS);
        assertThat(errors.at("/0/reason").asString()).isEqualTo("a CSV body is required");
    }

    @Test
    void aJsonBodyIsRefusedWith415() {
        Reply reply = postJson(BACKTESTS, "{\"file\": \"mssp-aco-puf-2018.csv\"}");

        assertProblem(reply, 415, BACKTESTS);
        verify(evaluations, never()).evaluateAll(any(), any());
        verify(evaluations, never()).evaluateAll(any(), any(), any());
    }

    /** The file with one cell of one row replaced. */
    static String withCell(String csv, String acoId, String column, UnaryOperator<String> change) {
        CSVFormat read = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        StringWriter out = new StringWriter();
        try (CSVParser parser = CSVParser.parse(csv, read);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            List<String> header = parser.getHeaderNames();
            printer.printRecord(header);
            int at = header.indexOf(column);
            boolean changed = false;
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.toList());
                if (cells.get(0).equals(acoId)) {
                    cells.set(at, change.apply(cells.get(at)));
                    changed = true;
                }
                printer.printRecord(cells);
            }
            assertThat(changed).as(acoId + " in the file").isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The domain's JSON writes absent values as null; the API leaves them out. */
    static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> absent = new ArrayList<>();
            object.properties().forEach(field -> {
                if (field.getValue().isNull()) {
                    absent.add(field.getKey());
                }
            });
            object.remove(absent);
            object.forEach(BacktestsApiTest::withoutNulls);
        } else if (node.isArray()) {
            node.forEach(BacktestsApiTest::withoutNulls);
        }
        return node;
    }
}
