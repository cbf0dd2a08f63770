package org.accord.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical text, rule by rule as docs/hashes.md states them. */
class CanonicalTest {

    @Test
    void numbersTakeTheirShortestPlainDecimalForm() {
        assertThat(Canonical.json(List.of(new BigDecimal("0.40"), new BigDecimal("0.4"), new BigDecimal("0.00"), new BigDecimal("-0.0"),
                new BigDecimal("1E+3"), new BigDecimal("1000.000"), new BigDecimal("-12.50"), 20, 20L)))
                .isEqualTo("[0.4,0.4,0,0,1000,1000,-12.5,20,20]");
    }

    @Test
    void membersAreSortedAndAbsentNullOrEmptyMembersAreLeftOut() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", List.of());
        map.put("a", "x");
        map.put("c", null);
        map.put("d", Map.of());
        map.put("B", true);
        assertThat(Canonical.json(map)).isEqualTo("{\"B\":true,\"a\":\"x\"}");
        // A null inside an array keeps its place: the array's length and order are its content.
        assertThat(Canonical.json(java.util.Arrays.asList("a", null))).isEqualTo("[\"a\",null]");
    }

    @Test
    void stringsEscapeOnlyQuotesBackslashesAndControlCharacters() {
        assertThat(Canonical.json("a\"b\\c\nd\te\u0001 é/€")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001 é/€\"");
    }

    record PracticeV1(String id, BigDecimal cost) {
    }

    record PracticeV2(String id, BigDecimal cost, Integer addedLater, List<String> alsoAddedLater, LocalDate date) {
    }

    @Test
    void aFieldAddedLaterLeavesTheTextOfDocumentsWithoutItUnchanged() {
        assertThat(Canonical.json(new PracticeV2("P1", new BigDecimal("10.50"), null, List.of(), null)))
                .isEqualTo(Canonical.json(new PracticeV1("P1", new BigDecimal("10.5"))))
                .isEqualTo("{\"cost\":10.5,\"id\":\"P1\"}");
        assertThat(Canonical.json(new PracticeV2("P1", BigDecimal.TEN, 3, List.of("x"), LocalDate.of(2025, 1, 31))))
                .isEqualTo("{\"addedLater\":3,\"alsoAddedLater\":[\"x\"],\"cost\":10,\"date\":\"2025-01-31\",\"id\":\"P1\"}");
    }

    @Test
    void theHashIsSha256OfTheUtf8Text() {
        // printf '{"a":1}' | sha256sum
        assertThat(Canonical.hash(Map.of("a", new BigDecimal("1.00"))))
                .isEqualTo("sha256:015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862");
    }

    @Test
    void numbersAreWrittenAsStrippingTrailingZerosWouldWriteThem() {
        java.util.Random random = new java.util.Random(15);
        for (int i = 0; i < 20_000; i++) {
            BigDecimal d = new BigDecimal(new java.math.BigInteger(random.nextInt(130), random), random.nextInt(50) - 10);
            d = random.nextBoolean() ? d.negate() : d;
            String shortest = d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
            assertThat(Canonical.json(d)).as("%s scale %d", d, d.scale()).isEqualTo(shortest);
        }
        for (long whole : new long[] {0, 7, -7, 10, -100, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThat(Canonical.json(whole)).isEqualTo(Long.toString(whole));
        }
        assertThat(Canonical.json(List.of((short) -3, (byte) 4, 5))).isEqualTo("[-3,4,5]");
    }

    @Test
    void theHashStreamsTheSameUtf8BytesAsTheText() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "Clínica \"Sol\" \ud83c\udf1e\n");
        value.put("lone", "a\ud800b");
        value.put("long", "x".repeat(20_000) + "é");
        value.put("practice", new PracticeV2("P\u00e9", new BigDecimal("0.100"), -4, List.of("ü"), LocalDate.of(2025, 2, 1)));
        assertThat(Canonical.hash(value)).isEqualTo(ContentHash.of(Canonical.json(value)));
    }
}
