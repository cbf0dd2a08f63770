package org.accord.terms;

import java.util.List;
import java.util.Optional;

/**
 * A parameterised contract of one real-world shape, loaded from {@code contract-templates/}.
 *
 * @param id          stable id used in requests ({@code mssp-basic})
 * @param version     the template's version; a changed template gets a new one
 * @param name        a human name
 * @param payer       the kind of payer that offers this shape
 * @param description what the contract does, in a paragraph
 * @param source      the public source of the method
 * @param clauses     the clauses in the order a settlement lists them
 * @param contentHash SHA-256 of the template's self-contained text: the file as shipped (or uploaded), or the text it composes to
 * @param decisionTables decision tables this contract answers with its own uploaded ones: the name
 *                    the rules consult a shipped table under to the uploaded table's SHA-256
 * @param measureDirections whether a higher or a lower rate of each measure is better, as the template's text
 *                    records it ({@code measureDirections}, by measure id, sorted); empty for a text that records
 *                    none, which settles with {@link MeasureCatalogue#BEFORE_TEMPLATES_CARRIED_THEM}
 * @param firstPerformanceYear the first performance year the template settles, where its text gives it (a program's
 *                    first year, cited beside it), or null where the first year of its values is its first
 * @param lastPerformanceYear the last performance year the template settles, its values given up to it and not
 *                    carrying on (a program that ended, a contract's schedule of years), or null where its last
 *                    values carry on
 */
public record ContractTemplate(
        String id,
        String version,
        String name,
        String payer,
        String description,
        String source,
        List<ClauseTemplate> clauses,
        String contentHash,
        java.util.Map<String, String> decisionTables,
        java.util.Map<String, String> measureDirections,
        Integer firstPerformanceYear,
        Integer lastPerformanceYear) {

    public ContractTemplate {
        decisionTables = decisionTables == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(decisionTables));
        measureDirections = measureDirections == null ? java.util.Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(measureDirections));
    }

    /** A template whose text records no measure directions and whose last values carry on. */
    public ContractTemplate(String id, String version, String name, String payer, String description, String source,
            List<ClauseTemplate> clauses, String contentHash, java.util.Map<String, String> decisionTables) {
        this(id, version, name, payer, description, source, clauses, contentHash, decisionTables, java.util.Map.of(), null, null);
    }

    /** A template that replaces no decision table. */
    public ContractTemplate(String id, String version, String name, String payer, String description, String source,
            List<ClauseTemplate> clauses, String contentHash) {
        this(id, version, name, payer, description, source, clauses, contentHash, java.util.Map.of());
    }

    /**
     * The first performance year the template settles: the year its text gives, else the latest year in which one of its
     * parameters' values first takes effect (before it that parameter has none), or 0 where every parameter has one value
     * for every year.
     */
    public int firstYearSettled() {
        return firstPerformanceYear != null ? firstPerformanceYear : firstYearOfItsValues();
    }

    /** The latest year in which one of the parameters' values first takes effect, or 0 where none is keyed by year. */
    int firstYearOfItsValues() {
        return clauses.stream().flatMap(c -> c.parameters().stream()).mapToInt(p -> p.valuesByYear().firstKey()).max().orElse(0);
    }

    /**
     * The years the template settles, in words ("2016 to 2021 (an earlier or a later year is refused)", "from 2019 (its last
     * values carry on)"), where its text bounds them (a first or a last performance year given); else empty.
     */
    public Optional<String> yearsSettledInWords() {
        if (firstPerformanceYear == null && lastPerformanceYear == null) {
            return Optional.empty();
        }
        int first = firstYearSettled();
        return Optional.of(lastPerformanceYear == null ? "from " + first + " (its last values carry on)"
                : first == 0 ? "up to " + lastPerformanceYear + " (a later year is refused)"
                : first + " to " + lastPerformanceYear + " (an earlier or a later year is refused)");
    }

    /**
     * Why a performance year outside the years the template gives is refused, or empty when the template settles it. A year
     * before a first year the text gives is refused whatever the overrides: a value overridden for it would otherwise
     * settle a year the program did not have (Track 3 in 2014, on an overridden sharing rate basis).
     */
    public Optional<String> outsideItsYears(int performanceYear) {
        int first = firstYearSettled();
        String years = "template " + id + " settles performance years " + (lastPerformanceYear == null ? "from " + first
                : (first == 0 ? "up to " : first + " to ") + lastPerformanceYear) + ", not " + performanceYear;
        if (firstPerformanceYear != null && performanceYear < firstPerformanceYear) {
            return Optional.of(years + ": its terms begin in " + firstPerformanceYear + " and are not carried back before it");
        }
        if (lastPerformanceYear != null && performanceYear > lastPerformanceYear) {
            return Optional.of(years + ": its values are given for those years and do not carry on past " + lastPerformanceYear);
        }
        return Optional.empty();
    }

    public Optional<ParameterDeclaration> parameter(String name) {
        return clauses.stream().flatMap(c -> c.parameters().stream()).filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Checks and converts a value of a parameter the template declares, as {@link ParameterDeclaration#accept(Object,
     * ParameterDeclaration.Checks)} does, and with every check also against what the concept of its clause lets it mean
     * (a template that states no bound of its own is held to the concept's: a rate to 0..1).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public Object accept(ParameterDeclaration declaration, Object raw, ParameterDeclaration.Checks checks) {
        Object value = declaration.accept(raw, checks);
        if (checks == ParameterDeclaration.Checks.ALL) {
            Optional<ClauseTemplate> clause = clauses.stream().filter(c -> c.parameters().contains(declaration)).findFirst();
            clause.flatMap(c -> ConceptRegistry.shipped().outsideMeaning(c.concept(), declaration.name(), value))
                    .ifPresent(reason -> {
                        throw new IllegalArgumentException(reason);
                    });
            List<ParameterDeclaration.FieldProblems.Problem> falling = clause
                    .map(c -> ConceptRegistry.shipped().fallingRungs(c.concept(), declaration.name(), value)).orElse(List.of());
            if (!falling.isEmpty()) {
                throw new ParameterDeclaration.FieldProblems(falling);
            }
            List<ParameterDeclaration.FieldProblems.Problem> turned = declaration.type() == ParameterType.MEASURE_GATES
                    ? gatesAgainstTheirMeasures(value) : List.of();
            if (!turned.isEmpty()) {
                throw new ParameterDeclaration.FieldProblems(turned);
            }
        }
        return value;
    }

    /**
     * Gates that turn a measure around: a direction other than the one this template records for the measure or,
     * where it records none, the measure catalogue declares (a direction belongs to the measure: HBD-POOR, poor
     * HbA1c control, is better lower whatever a contract pays on it; read higher-is-better, 21% poorly controlled
     * scored a perfect composite); and gates out of order for the direction, each to be as hard to reach as the one
     * before or harder (ascending when higher is better, descending when lower is). An override's gates and a template's
     * own (its values in every year, as it is published) are held to it alike. Out of order changes no point,
     * as a rate earns one for each gate it reaches, but gates written the other way round are how a reversed
     * direction reads, so they are refused rather than settled on a guess at what was meant.
     */
    @SuppressWarnings("unchecked")
    List<ParameterDeclaration.FieldProblems.Problem> gatesAgainstTheirMeasures(Object value) {
        List<ParameterDeclaration.FieldProblems.Problem> problems = new java.util.ArrayList<>();
        ((java.util.Map<String, Object>) value).forEach((measure, spec) -> {
            java.util.Map<String, Object> gates = (java.util.Map<String, Object>) spec;
            String direction = (String) gates.get("direction");
            String at = "/" + ParameterDeclaration.FieldProblems.Problem.token(measure);
            String fixed = measureDirections.containsKey(measure) ? measureDirections.get(measure)
                    : MeasureCatalogue.measureIds().contains(measure) ? MeasureCatalogue.direction(measure) : null;
            if (fixed != null && !fixed.equals(direction)) {
                problems.add(new ParameterDeclaration.FieldProblems.Problem(at + "/direction", measure + "'s direction",
                        direction + " turns " + measure + " around: it is " + fixed + (measureDirections.containsKey(measure)
                                ? " in template " + id + "'s measureDirections"
                                : " in the measure catalogue (contract-templates/" + MeasureCatalogue.FILE + ")")
                                + ", and a direction belongs to the measure, not to a contract"));
                return;
            }
            List<java.math.BigDecimal> thresholds = (List<java.math.BigDecimal>) gates.get("gates");
            boolean lowerIsBetter = MeasureCatalogue.LOWER_IS_BETTER.equals(direction);
            for (int i = 1; i < thresholds.size(); i++) {
                int order = thresholds.get(i).compareTo(thresholds.get(i - 1));
                if (lowerIsBetter ? order > 0 : order < 0) {
                    problems.add(new ParameterDeclaration.FieldProblems.Problem(at + "/gates/" + i, measure + "'s gate " + i,
                            thresholds.get(i).toPlainString() + " is " + (lowerIsBetter ? "above" : "below") + " gate " + (i - 1) + " "
                                    + thresholds.get(i - 1).toPlainString() + ": " + measure + " is " + direction
                                    + ", so each gate is " + (lowerIsBetter ? "at or below" : "at or above") + " the one before"));
                    break;
                }
            }
        });
        return problems;
    }

    /**
     * Why a name finds no parameter, with the parameters it may have meant: those whose names contain
     * it or are contained in it, ignoring case, the shorter of four letters or more ("sharingRate":
     * maximumSharingRate), or differ from it
     * by at most two letters ("sharingRatio": sharingRate), in declaration order.
     */
    public String noParameter(String name) {
        String asked = name.toLowerCase(java.util.Locale.ROOT);
        List<String> near = clauses.stream().flatMap(c -> c.parameters().stream()).map(ParameterDeclaration::name)
                .filter(known -> {
                    String lower = known.toLowerCase(java.util.Locale.ROOT);
                    boolean contained = Math.min(lower.length(), asked.length()) >= 4 && (lower.contains(asked) || asked.contains(lower));
                    return contained || editsBetween(lower, asked) <= 2;
                })
                .distinct().limit(3).toList();
        return "template " + id + " has no parameter '" + name + "'"
                + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?");
    }

    /** Levenshtein's distance: the single-letter insertions, deletions and substitutions from one word to the other. */
    private static int editsBetween(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * A term a negotiator can override or sweep: a parameter by name, or one field of a scale's rung
     * ({@link TermPath}), declared as a rate (a rung's rate, within the scale's bounds) or a number (a threshold)
     * whose values by year are that field's.
     */
    public Optional<ParameterDeclaration> term(String name) {
        Optional<TermPath> path = TermPath.parse(name);
        if (path.isEmpty()) {
            return parameter(name);
        }
        return parameter(path.get().parameter()).filter(p -> p.type() == ParameterType.SCALE)
                .filter(scale -> scale.valuesByYear().values().stream()
                        .anyMatch(rungs -> !((List<?>) rungs).isEmpty() && ((java.util.Map<?, ?>) ((List<?>) rungs).get(0)).containsKey(path.get().field())))
                .map(scale -> {
            boolean rate = !ParameterType.THRESHOLD.equals(path.get().field());
            java.util.SortedMap<Integer, Object> byYear = new java.util.TreeMap<>();
            scale.valuesByYear().forEach((year, rungs) -> {
                if (path.get().rung() < ((List<?>) rungs).size()) {
                    byYear.put(year, ((java.util.Map<?, ?>) ((List<?>) rungs).get(path.get().rung())).get(path.get().field()));
                }
            });
            return new ParameterDeclaration(name, rate ? ParameterType.RATE : ParameterType.NUMBER, scale.unit(),
                    path.get().field() + " of rung " + path.get().rung() + " of " + scale.name() + ": " + scale.description(),
                    scale.source(), rate ? scale.minimum() : null, rate ? scale.maximum() : null, List.of(),
                    java.util.Collections.unmodifiableSortedMap(byYear), scale.negotiable());
        });
    }
}
