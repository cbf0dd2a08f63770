package org.accord.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every year of CMS's Shared Savings Program results shipped in {@code examples/cms/}, read with
 * its layout and settled through the same rules: the counts are the regression suite. A miss is
 * explained only when the rules named an input the file does not publish; no miss is unexplained.
 */
class CmsSeriesTest {

    static Stream<Arguments> years() {
        return Stream.of(
                // year, layout, ACOs, reproduced, explained (by input), unexplained
                Arguments.of(2014, "mssp-aco-puf-2014", 333, 333, Map.of(), 0),
                Arguments.of(2015, "mssp-aco-puf-2015", 392, 392, Map.of(), 0),
                Arguments.of(2016, "mssp-aco-puf-2016", 432, 432, Map.of(), 0),
                Arguments.of(2017, "mssp-aco-puf-2017", 472, 472, Map.of(), 0),
                Arguments.of(2018, "mssp-aco-puf-2018", 548, 548, Map.of(), 0),
                // A1515, A2820, A4627 (BASIC C): losses shared at 30% exceed the adjustment CMS
                // made for the pandemic, which equals the losses after the revenue-based limit.
                Arguments.of(2021, "mssp-aco-puf-2021", 475, 472, Map.of("participantRevenue", 3), 0),
                // A1070 (BASIC D): the same, the adjustment being its revenue-limited losses.
                Arguments.of(2022, "mssp-aco-puf-2022", 482, 481, Map.of("participantRevenue", 1), 0));
    }

    @ParameterizedTest(name = "{0}: {3} of {2} reproduced, {4} explained, {5} unexplained")
    @MethodSource("years")
    void everyYearIsReproducedOrExplainedByAnInputTheFileDoesNotPublish(int year, String layout, int total, int reproduced,
            Map<String, Integer> explainedBy, int unexplained) {
        BacktestResult result = run(Path.of("examples/cms/mssp-aco-puf-" + year + ".csv"));

        assertThat(result.layout()).isEqualTo(layout);
        assertThat(result.performanceYear()).isEqualTo(year);
        assertThat(result.total()).isEqualTo(total);
        assertThat(result.unexplained()).withFailMessage(() -> describe(result)).isEqualTo(unexplained);
        assertThat(result.explainedBy()).withFailMessage(() -> describe(result)).isEqualTo(explainedBy);
        assertThat(result.reproduced()).withFailMessage(() -> describe(result)).isEqualTo(reproduced);
        assertThat(result.explained()).isEqualTo(total - reproduced - unexplained);
    }

    static BacktestResult run(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            BacktestInput input = Backtest.read(reader, Layouts.load(), null, file.getFileName().toString());
            return Backtest.compare(input, Backtest.evaluate(Cms2018.SERVICE, input));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(BacktestResult result) {
        return result.summary() + "; misses:\n" + result.misses().stream()
                .map(m -> "  " + m.acoId() + " track " + m.track() + ": expected " + m.expected() + ", computed " + m.computed()
                        + ", difference " + m.difference() + ", tolerance " + m.tolerance() + " - " + String.join("; ", m.reasons())
                        + (m.explainedBy().isEmpty() ? " (unexplained)" : " (needs " + m.explainedBy() + ")"))
                .collect(Collectors.joining("\n"));
    }
}
