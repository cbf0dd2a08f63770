package org.accord.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PerformancePeriod;
import org.accord.io.FactsCsv;
import org.accord.io.Json;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where the facts come from: a JSON file, or a CSV of practices with the IPA and period given here. */
final class FactsOptions {

    /** Where the API's request carries its facts; the command line reports the facts' problems there too. */
    private static final String FACTS = "/facts";

    /**
     * What CSV facts take from options rather than the file, by its pointer in the facts: the IPA and
     * every field of the period, as JSON facts and the API's CSV reading carry them (FactsOptionsTest
     * holds this list to {@link PerformancePeriod}'s fields, so a field added there is not left out here).
     */
    static final Map<String, String> CSV_OPTIONS = Map.ofEntries(
            Map.entry("/ipa/id", "--ipa-id"),
            Map.entry("/ipa/name", "--ipa-name"),
            Map.entry("/period/performanceYear", "--year"),
            Map.entry("/period/start", "--start"),
            Map.entry("/period/end", "--end"),
            Map.entry("/period/benchmarkExpenditure", "--benchmark"),
            Map.entry("/period/assignedBeneficiaries", "--assigned-beneficiaries"),
            Map.entry("/period/reportedQualityScore", "--reported-quality-score"),
            Map.entry("/period/metQualityStandard", "--met-quality-standard"),
            Map.entry("/period/lossAdjustment", "--loss-adjustment"),
            Map.entry("/period/participantRevenue", "--participant-revenue"),
            Map.entry("/period/lowRevenue", "--low-revenue"),
            Map.entry("/period/agreementStart", "--agreement-start"),
            Map.entry("/period/metAlternativeQualityStandard", "--met-alternative-quality-standard"));

    /** These options as picocli holds them: which were given is read from here, not from a second list of them. */
    @Spec(Spec.Target.SELF)
    CommandSpec self;

    @Option(names = "--facts", required = true, paramLabel = "FILE",
            description = "Performance facts: JSON (see examples/*.json) or a CSV of practices, one a row (examples/valley-ipa.csv).")
    Path facts;

    @Option(names = "--ipa-id", paramLabel = "ID", description = "CSV facts: the IPA's id (required with CSV).")
    String ipaId;

    @Option(names = "--ipa-name", paramLabel = "NAME", description = "CSV facts: the IPA's name.")
    String ipaName;

    @Option(names = "--year", paramLabel = "YEAR", description = "CSV facts: the performance year (required with CSV).")
    Integer year;

    @Option(names = "--start", paramLabel = "DATE", description = "CSV facts: the period's first day (default: 1 January of the year).")
    LocalDate start;

    @Option(names = "--end", paramLabel = "DATE", description = "CSV facts: the period's last day (default: 31 December of the year).")
    LocalDate end;

    @Option(names = "--benchmark", paramLabel = "USD", description = "CSV facts: the IPA's benchmark expenditure.")
    BigDecimal benchmark;

    @Option(names = "--assigned-beneficiaries", paramLabel = "N", description = "CSV facts: assigned beneficiaries, when they differ from the attributed members.")
    Integer assignedBeneficiaries;

    @Option(names = "--reported-quality-score", paramLabel = "RATE", description = "CSV facts: a quality score the payer reports (0 to 1).")
    BigDecimal reportedQualityScore;

    // A value, not a flag: left out, the payer made no finding, which is not the same as "false".
    @Option(names = "--met-quality-standard", arity = "1", paramLabel = "true|false",
            description = "CSV facts: the payer's finding on its quality standard; left out, no finding.")
    Boolean metQualityStandard;

    @Option(names = "--loss-adjustment", paramLabel = "USD", description = "CSV facts: reduction of shared losses the payer determined.")
    BigDecimal lossAdjustment;

    @Option(names = "--participant-revenue", paramLabel = "USD",
            description = "CSV facts: the participants' total Medicare Parts A and B fee-for-service revenue (a revenue-based loss limit needs it).")
    BigDecimal participantRevenue;

    @Option(names = "--low-revenue", arity = "1", paramLabel = "true|false",
            description = "CSV facts: the payer's finding that the IPA is a low revenue ACO; left out, no finding.")
    Boolean lowRevenue;

    @Option(names = "--agreement-start", paramLabel = "DATE",
            description = "CSV facts: the first day of the IPA's current agreement period (a loss limit that rises by agreement year needs it).")
    LocalDate agreementStart;

    @Option(names = "--met-alternative-quality-standard", arity = "1", paramLabel = "true|false",
            description = "CSV facts: the payer's finding on the alternative quality performance standard (from 2023); left out, no finding.")
    Boolean metAlternativeQualityStandard;

    /**
     * Reads the facts. A problem in the file is reported at its pointer under {@code /facts}, as
     * the evaluation reports the problems it finds in them, so that {@link #place} places both alike.
     */
    PerformanceFacts load() {
        try {
            return read();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.problems().stream()
                    .map(p -> p.pointer().isEmpty() || p.pointer().startsWith("/") ? p.prefixed(FACTS) : p).toList());
        }
    }

    /**
     * Where a problem at this pointer of the request's facts ({@code /facts/practices/0/memberMonths})
     * is on the command line: in the file, at the pointer relative to it
     * ({@code examples/valley-ipa.json#/practices/0/memberMonths}, RFC 6901's fragment form), or, for
     * CSV facts, the option that gave the IPA's or the period's value.
     */
    String place(String pointer) {
        String inFacts = pointer.substring(FACTS.length());
        if (csv()) {
            String option = CSV_OPTIONS.get(inFacts);
            if (option != null) {
                return option;
            }
        }
        return inFacts.isEmpty() ? facts.toString() : facts + "#" + inFacts;
    }

    /**
     * A finding's or a refusal's sentence in the words the user gave the facts in: with CSV facts, a field of the IPA
     * or the period named as JSON writes it ("needs agreementStart") is named by the option that gave it
     * ("needs --agreement-start"), which is all such a user typed; with JSON facts, as it is.
     */
    String inTheUsersWords(String sentence) {
        if (sentence == null || !csv()) {
            return sentence;
        }
        return FIELD_NAMES.matcher(sentence).replaceAll(field -> java.util.regex.Matcher.quoteReplacement(OPTION_BY_FIELD.get(field.group())));
    }

    /**
     * The option of each field {@link #CSV_OPTIONS} names whose name is a compound word (agreementStart): start, end, id
     * and name are also plain words of a sentence, and a sentence names those fields by what they are.
     */
    private static final Map<String, String> OPTION_BY_FIELD = CSV_OPTIONS.entrySet().stream()
            .filter(option -> !fieldOf(option.getKey()).equals(fieldOf(option.getKey()).toLowerCase(Locale.ROOT)))
            .collect(java.util.stream.Collectors.toUnmodifiableMap(option -> fieldOf(option.getKey()), Map.Entry::getValue));

    /** The field a pointer ends at: {@code agreementStart} of {@code /period/agreementStart}. */
    private static String fieldOf(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }

    /** Those fields' names as whole words: agreementStartYear, a basis of the rules, is not agreementStart. */
    private static final java.util.regex.Pattern FIELD_NAMES = java.util.regex.Pattern.compile(
            "\\b(?:" + String.join("|", OPTION_BY_FIELD.keySet().stream().sorted().toList()) + ")\\b");

    /** Whether this pointer of a request is in its facts. */
    static boolean inFacts(String pointer) {
        return pointer.equals(FACTS) || pointer.startsWith(FACTS + "/");
    }

    private boolean csv() {
        return facts != null && facts.getFileName() != null && facts.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private PerformanceFacts read() {
        if (!csv()) {
            List<String> given = given();
            if (!given.isEmpty()) {
                throw new InvalidInputException(given.get(0), "applies to CSV facts only; JSON facts carry their IPA and period");
            }
            return Json.readFacts(facts);
        }
        List<InputProblem> problems = new ArrayList<>();
        if (ipaId == null) {
            problems.add(new InputProblem("--ipa-id", "CSV facts need the IPA's id"));
        }
        if (year == null) {
            problems.add(new InputProblem("--year", "CSV facts need the performance year"));
        }
        InvalidInputException.throwIfAny(problems);
        PerformancePeriod period = new PerformancePeriod(year, start != null ? start : LocalDate.of(year, 1, 1),
                end != null ? end : LocalDate.of(year, 12, 31), benchmark, assignedBeneficiaries, reportedQualityScore,
                metQualityStandard, lossAdjustment, participantRevenue, lowRevenue, agreementStart, metAlternativeQualityStandard);
        return FactsCsv.read(facts, new PerformanceFacts.Ipa(ipaId, ipaName), period);
    }

    /** The CSV options given, in the order declared. */
    private List<String> given() {
        return self.options().stream().filter(option -> CSV_OPTIONS.containsValue(option.longestName()) && option.getValue() != null)
                .map(OptionSpec::longestName).toList();
    }
}
