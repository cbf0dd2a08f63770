package org.accord.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.accord.content.ClasspathFolder;
import org.accord.facts.PerformancePeriod;
import org.accord.terms.ContractTemplate;
import org.accord.terms.TemplateCatalog;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The layouts a backtest may read a file with: the ones shipped in {@code backtest/layouts/} and
 * any a user adds from a folder, and which one a file uses. A shipped layout that does not read is
 * a packaging error; a user's is bad input. Either way the message names the file and the key.
 */
public final class Layouts {

    static final String FOLDER = "backtest/layouts";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** The period's fields a layout may fill, with their types: read from the record, so a fact added there is mappable. */
    static final Map<String, Class<?>> PERIOD_FIELDS = periodFields();

    private static final Set<String> LAYOUT_KEYS = Set.of("id", "name", "source", "performanceYear", "yearColumn",
            "requiredColumns", "key", "numbers", "columns", "trackColumn", "tracks", "facts", "overrides", "expected");
    private static final Set<String> SOURCE_KEYS = Set.of("column", "negate", "times", "blank", "value", "when");
    private static final Pattern YEAR_IN_NAME = Pattern.compile("(?<![0-9])(20[0-9]{2})(?![0-9])");

    private final List<Layout> layouts;

    private Layouts(List<Layout> layouts) {
        this.layouts = List.copyOf(layouts);
    }

    /** The shipped layouts. */
    public static Layouts load() {
        List<Layout> layouts = new ArrayList<>();
        ClasspathFolder.read(FOLDER).forEach((path, bytes) -> {
            if (path.endsWith(".yaml")) {
                layouts.add(parse(FOLDER + "/" + path, bytes));
            }
        });
        return new Layouts(layouts);
    }

    /**
     * These layouts and every {@code *.yaml} layout in a folder. A layout whose id is already
     * known is refused: a user's file never replaces a shipped one silently.
     *
     * @throws InvalidInputException naming the file and what is wrong with it
     */
    public Layouts with(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("--layouts", "no folder " + folder);
        }
        List<Layout> all = new ArrayList<>(layouts);
        List<InputProblem> problems = new ArrayList<>();
        for (Path file : yamlFiles(folder)) {
            try {
                Layout layout = parse(file.toString(), Files.readAllBytes(file));
                if (all.stream().anyMatch(l -> l.id().equals(layout.id()))) {
                    problems.add(new InputProblem(file.toString(), "a layout with id '" + layout.id() + "' is already known: give yours another id"));
                } else {
                    all.add(layout);
                }
            } catch (IllegalStateException e) {
                problems.add(new InputProblem(file.toString(), e.getMessage()));
            } catch (IOException e) {
                problems.add(new InputProblem(file.toString(), "not readable: " + e.getMessage()));
            }
        }
        InvalidInputException.throwIfAny(problems);
        return new Layouts(all);
    }

    /** The ids of the known layouts, sorted. */
    public List<String> ids() {
        return layouts.stream().map(Layout::id).sorted().toList();
    }

    List<Layout> all() {
        return layouts;
    }

    /**
     * What does not fit between the layouts and the templates: a track's template that does not
     * exist, or a parameter a layout sets (or its tolerance reads) that the template lacks.
     */
    public List<InputProblem> problemsWith(TemplateCatalog catalog) {
        List<InputProblem> problems = new ArrayList<>();
        for (Layout layout : layouts) {
            for (Layout.Track track : layout.tracks()) {
                ContractTemplate template = catalog.find(track.template()).orElse(null);
                if (template == null) {
                    problems.add(new InputProblem("layout " + layout.id(), "track " + track.track() + " names no template '" + track.template() + "'"));
                    continue;
                }
                if (template.parameter(layout.expected().tolerance().sharingRateParameter()).isEmpty()) {
                    problems.add(new InputProblem("layout " + layout.id(), "template " + template.id() + " has no parameter "
                            + layout.expected().tolerance().sharingRateParameter() + ", which the tolerance reads"));
                }
                for (Layout.OverrideMapping override : layout.overrides()) {
                    if (override.tracks().contains(track.track()) && template.parameter(override.parameter()).isEmpty()) {
                        problems.add(new InputProblem("layout " + layout.id(), "template " + template.id() + " of track "
                                + track.track() + " has no parameter " + override.parameter() + " to override"));
                    }
                }
            }
        }
        return problems;
    }

    /**
     * The layout a file uses: the one named, or the only one whose required columns the header
     * has. Layouts that both match are told apart by the performance year: the year column of the
     * file's first row, else a year in the file's name. Never by the order they were found in.
     *
     * @param layoutId the layout asked for, or null
     * @param fileName the file's name, or null (a REST body has none)
     * @param firstRow the first row's cells by column, or an empty map
     * @throws InvalidInputException naming what the header lacks, or which layouts remain and how to choose
     */
    Layout choose(List<String> header, String layoutId, String fileName, Map<String, String> firstRow) {
        if (layoutId != null) {
            Layout named = layouts.stream().filter(l -> l.id().equals(layoutId)).findFirst().orElseThrow(
                    () -> new InvalidInputException("layout", "no layout '" + layoutId + "'; known: " + ids()));
            List<String> missing = named.missingFrom(header);
            if (!missing.isEmpty()) {
                throw new InvalidInputException("header", "the file lacks columns that layout " + named.id() + " requires: "
                        + String.join(", ", missing));
            }
            return named;
        }
        List<Layout> matches = layouts.stream().filter(l -> l.missingFrom(header).isEmpty()).toList();
        if (matches.isEmpty()) {
            StringBuilder reason = new StringBuilder("the file's header matches no known layout");
            for (Layout layout : layouts) {
                reason.append("; it lacks columns that layout ").append(layout.id()).append(" (").append(layout.name())
                        .append(") requires: ").append(String.join(", ", layout.missingFrom(header)));
            }
            throw new InvalidInputException("header", reason.toString());
        }
        if (matches.size() > 1) {
            List<Layout> byColumn = matches.stream().filter(l -> l.yearColumn() != null
                    && String.valueOf(l.performanceYear()).equals(firstRow.getOrDefault(l.yearColumn(), "").trim())).toList();
            if (byColumn.size() == 1) {
                return byColumn.get(0);
            }
            List<Layout> byName = matches.stream().filter(l -> yearsIn(fileName).contains(l.performanceYear())).toList();
            if (byName.size() == 1) {
                return byName.get(0);
            }
            throw new InvalidInputException("header", "the header matches layouts " + matches.stream().map(Layout::id).toList()
                    + " and neither a year column nor the file's name tells their performance years apart: name the layout");
        }
        return matches.get(0);
    }

    private static Set<Integer> yearsIn(String fileName) {
        Set<Integer> years = new LinkedHashSet<>();
        if (fileName != null) {
            Matcher matcher = YEAR_IN_NAME.matcher(Path.of(fileName).getFileName().toString());
            while (matcher.find()) {
                years.add(Integer.valueOf(matcher.group(1)));
            }
        }
        return years;
    }

    private static List<Path> yamlFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Class<?>> periodFields() {
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        for (RecordComponent component : PerformancePeriod.class.getRecordComponents()) {
            // The layout gives the year; the period's dates are the calendar year's.
            if (!Set.of("performanceYear", "start", "end").contains(component.getName())) {
                fields.put(component.getName(), component.getType());
            }
        }
        return Map.copyOf(fields);
    }

    /** Reads one layout; {@code where} names it in messages (its path). */
    @SuppressWarnings("unchecked")
    static Layout parse(String where, byte[] bytes) {
        Map<String, Object> doc;
        try {
            doc = YAML.readValue(bytes, Map.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException(where + ": not readable YAML: " + e.getMessage(), e);
        }
        if (doc == null) {
            throw new IllegalStateException(where + ": the file is empty");
        }
        unknownKeys(doc, LAYOUT_KEYS, where);
        List<String> required = strings(doc, "requiredColumns", where);
        Set<String> columnsUsed = new LinkedHashSet<>();
        String key = text(doc, "key", where);
        columnsUsed.add(key);
        String yearColumn = optionalText(doc, "yearColumn");
        if (yearColumn != null) {
            columnsUsed.add(yearColumn);
        }

        String thousandsSeparator = null;
        if (doc.get("numbers") instanceof Map<?, ?> numbers) {
            unknownKeys((Map<String, Object>) numbers, Set.of("thousandsSeparator"), where + " numbers");
            thousandsSeparator = optionalText((Map<String, Object>) numbers, "thousandsSeparator");
        }
        Map<String, Layout.Column> columns = columns((Map<String, Object>) doc.getOrDefault("columns", Map.of()), where);

        String trackColumn = optionalText(doc, "trackColumn");
        if (trackColumn != null) {
            columnsUsed.add(trackColumn);
        }
        List<Layout.Track> tracks = new ArrayList<>();
        Set<String> trackNames = new LinkedHashSet<>();
        for (Map<String, Object> raw : (List<Map<String, Object>>) value(doc, "tracks", where)) {
            String at = where + " tracks";
            unknownKeys(raw, Set.of("track", "flag", "template"), at);
            Layout.Track track = new Layout.Track(text(raw, "track", at), optionalText(raw, "flag"), text(raw, "template", at));
            if (!trackNames.add(track.track())) {
                throw new IllegalStateException(where + ": track '" + track.track() + "' is listed twice");
            }
            if ((trackColumn == null) == (track.flag() == null)) {
                throw new IllegalStateException(at + ": track '" + track.track() + "' needs a flag column, or the layout a trackColumn, not both");
            }
            if (track.flag() != null) {
                columnsUsed.add(track.flag());
            }
            tracks.add(track);
        }

        Map<String, Object> facts = (Map<String, Object>) value(doc, "facts", where);
        unknownKeys(facts, Set.of("ipa", "period", "practice"), where + " facts");
        Map<String, Layout.Source> ipa = sources(facts, "ipa", Layout.IPA_FIELDS, where, columnsUsed);
        Map<String, Layout.Source> period = sources(facts, "period", PERIOD_FIELDS.keySet(), where, columnsUsed);
        Map<String, Layout.Source> practice = sources(facts, "practice", Layout.PRACTICE_FIELDS, where, columnsUsed);
        if (!ipa.containsKey("id") || !practice.keySet().containsAll(Layout.PRACTICE_FIELDS_REQUIRED)) {
            throw new IllegalStateException(where + ": facts.ipa needs an id and facts.practice needs "
                    + Layout.PRACTICE_FIELDS_REQUIRED.stream().sorted().toList());
        }

        List<Layout.OverrideMapping> overrides = new ArrayList<>();
        for (Map<String, Object> raw : (List<Map<String, Object>>) doc.getOrDefault("overrides", List.of())) {
            String at = where + " overrides";
            unknownKeys(raw, Set.of("parameter", "column", "value", "tracks", "when"), at);
            Layout.OverrideMapping override = new Layout.OverrideMapping(text(raw, "parameter", at), optionalText(raw, "column"),
                    optionalText(raw, "value"), tracksOf(raw, at, trackNames), condition(raw.get("when"), at, columnsUsed));
            if ((override.column() == null) == (override.value() == null)) {
                throw new IllegalStateException(at + " " + override.parameter() + ": give either a column or a value");
            }
            if (override.column() != null) {
                columnsUsed.add(override.column());
            }
            overrides.add(override);
        }

        Map<String, Object> rawExpected = (Map<String, Object>) value(doc, "expected", where);
        unknownKeys(rawExpected, Set.of("amount", "clauses", "tolerance", "findings"), where + " expected");
        Map<String, Object> rawTolerance = (Map<String, Object>) value(rawExpected, "tolerance", where + " expected");
        Layout.Tolerance tolerance = new Layout.Tolerance(text(rawTolerance, "savings", where + " tolerance"),
                text(rawTolerance, "sharingRateParameter", where + " tolerance"),
                new BigDecimal(text(rawTolerance, "qualityScoreHalfUnit", where + " tolerance")),
                new BigDecimal(text(rawTolerance, "dollars", where + " tolerance")));
        columnsUsed.add(tolerance.savings());
        List<Layout.FindingCheck> findings = new ArrayList<>();
        for (Map<String, Object> raw : (List<Map<String, Object>>) rawExpected.getOrDefault("findings", List.of())) {
            String at = where + " expected.findings";
            unknownKeys(raw, Set.of("tracks", "when", "rule", "basis", "column", "decimals"), at);
            Layout.FindingCheck check = new Layout.FindingCheck(tracksOf(raw, at, trackNames), condition(raw.get("when"), at, columnsUsed),
                    text(raw, "rule", at), text(raw, "basis", at), text(raw, "column", at), Integer.parseInt(text(raw, "decimals", at)));
            columnsUsed.add(check.column());
            findings.add(check);
        }
        Layout.Expected expected = new Layout.Expected(text(rawExpected, "amount", where + " expected"),
                strings(rawExpected, "clauses", where + " expected"), tolerance, List.copyOf(findings));
        columnsUsed.add(expected.amount());

        List<String> undeclared = columnsUsed.stream().filter(c -> !required.contains(c)).toList();
        if (!undeclared.isEmpty()) {
            throw new IllegalStateException(where + ": columns " + undeclared + " are read but not listed in requiredColumns");
        }
        List<String> described = columns.keySet().stream().filter(c -> !required.contains(c)).toList();
        if (!described.isEmpty()) {
            throw new IllegalStateException(where + ": columns " + described + " are described but not listed in requiredColumns");
        }
        String id = text(doc, "id", where);
        if (!where.endsWith("/" + id + ".yaml") && !where.equals(id + ".yaml")) {
            throw new IllegalStateException(where + ": the layout id '" + id + "' must be the file's name");
        }
        return new Layout(id, text(doc, "name", where), text(doc, "source", where),
                Integer.parseInt(text(doc, "performanceYear", where)), yearColumn, List.copyOf(required), key,
                thousandsSeparator, Map.copyOf(columns), trackColumn, List.copyOf(tracks), ipa, period, practice,
                List.copyOf(overrides), expected, bytes.clone());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Layout.Column> columns(Map<String, Object> raw, String where) {
        Map<String, Layout.Column> columns = new TreeMap<>();
        raw.forEach((name, rawSpec) -> {
            String at = where + " columns." + name;
            if (!(rawSpec instanceof Map<?, ?>)) {
                throw new IllegalStateException(at + ": expected a map (format, pattern, placeholders, categories)");
            }
            Map<String, Object> spec = (Map<String, Object>) rawSpec;
            unknownKeys(spec, Set.of("format", "pattern", "placeholders", "categories"), at);
            String word = spec.getOrDefault("format", "number").toString();
            Layout.Format format = switch (word) {
                case "number" -> Layout.Format.NUMBER;
                case "percent" -> Layout.Format.PERCENT;
                case "date" -> Layout.Format.DATE;
                default -> throw new IllegalStateException(at + ": format '" + word + "' is not one of number, percent, date");
            };
            String pattern = optionalText(spec, "pattern");
            if ((format == Layout.Format.DATE) != (pattern != null)) {
                throw new IllegalStateException(at + ": a date column needs a pattern (M/d/yyyy), and only a date column has one");
            }
            if (pattern != null) {
                try {
                    DateTimeFormatter.ofPattern(pattern);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(at + ": pattern '" + pattern + "' is not a date pattern: " + e.getMessage(), e);
                }
            }
            Map<String, Layout.Placeholder> placeholders = new LinkedHashMap<>();
            ((Map<String, Object>) spec.getOrDefault("placeholders", Map.of())).forEach((cell, meaning) -> {
                if (!(meaning instanceof Map<?, ?> m) || m.get("value") == null || m.get("means") == null) {
                    throw new IllegalStateException(at + " placeholders." + cell + ": give the value it stands for and what it means");
                }
                placeholders.put(cell, new Layout.Placeholder(m.get("value").toString(), m.get("means").toString()));
            });
            Map<String, String> categories = new LinkedHashMap<>();
            ((Map<String, Object>) spec.getOrDefault("categories", Map.of())).forEach((cell, value) -> categories.put(cell, String.valueOf(value)));
            columns.put(name, new Layout.Column(format, pattern, Map.copyOf(placeholders), Map.copyOf(categories)));
        });
        return columns;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Layout.Source> sources(Map<String, Object> facts, String part, Set<String> fields,
            String where, Set<String> columnsUsed) {
        Map<String, Object> raw = (Map<String, Object>) value(facts, part, where + " facts");
        Map<String, Layout.Source> sources = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : raw.entrySet()) {
            String at = where + " facts." + part + "." + entry.getKey();
            if (!fields.contains(entry.getKey())) {
                throw new IllegalStateException(at + ": no such field; " + part + " has " + fields.stream().sorted().toList());
            }
            Layout.Source source;
            if (entry.getValue() instanceof String column) {
                source = Layout.Source.column(column);
            } else if (entry.getValue() instanceof Map<?, ?> map) {
                Map<String, Object> spec = (Map<String, Object>) map;
                unknownKeys(spec, SOURCE_KEYS, at);
                String column = optionalText(spec, "column");
                String constant = optionalText(spec, "value");
                Layout.Condition when = condition(spec.get("when"), at, columnsUsed);
                if ((column != null ? 1 : 0) + (constant != null ? 1 : 0) + (when != null ? 1 : 0) != 1) {
                    throw new IllegalStateException(at + ": give one of a column, a value or a condition (when)");
                }
                source = new Layout.Source(column, Boolean.TRUE.equals(spec.get("negate")),
                        spec.get("times") == null ? 1 : Integer.parseInt(spec.get("times").toString()),
                        optionalText(spec, "blank"), constant, when);
            } else {
                throw new IllegalStateException(at + ": expected a column name or a map");
            }
            if (source.column() != null) {
                columnsUsed.add(source.column());
            }
            sources.put(entry.getKey(), source);
        }
        return Map.copyOf(sources);
    }

    @SuppressWarnings("unchecked")
    private static Layout.Condition condition(Object raw, String where, Set<String> columnsUsed) {
        if (raw == null) {
            return null;
        }
        String at = where + " when";
        if (!(raw instanceof Map<?, ?> map)) {
            throw new IllegalStateException(at + ": expected a map with a column and one test (is, in, notIn, above, atLeast)");
        }
        Map<String, Object> spec = (Map<String, Object>) map;
        String column = text(spec, "column", at);
        List<Layout.Condition.Operator> operators = Stream.of(Layout.Condition.Operator.values())
                .filter(o -> spec.containsKey(o.word)).toList();
        unknownKeys(spec, Set.of("column", "is", "in", "notIn", "above", "atLeast"), at);
        if (operators.size() != 1) {
            throw new IllegalStateException(at + ": give exactly one test (is, in, notIn, above, atLeast)");
        }
        Layout.Condition.Operator operator = operators.get(0);
        Object operand = spec.get(operator.word);
        List<String> operands = operand instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(operand));
        if (operator != Layout.Condition.Operator.IS) {
            for (String number : operands) {
                try {
                    new BigDecimal(number);
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(at + ": '" + number + "' is not a number (" + operator.word + " compares numbers)", e);
                }
            }
        }
        columnsUsed.add(column);
        return new Layout.Condition(column, operator, operands);
    }

    private static void unknownKeys(Map<String, Object> map, Set<String> known, String where) {
        for (String word : map.keySet()) {
            if (!known.contains(word)) {
                throw new IllegalStateException(where + ": unknown key '" + word + "'; known: " + known.stream().sorted().toList());
            }
        }
    }

    private static Set<String> tracksOf(Map<String, Object> raw, String where, Set<String> known) {
        List<String> tracks = strings(raw, "tracks", where);
        for (String track : tracks) {
            if (!known.contains(track)) {
                throw new IllegalStateException(where + ": unknown track '" + track + "'; tracks are " + known);
            }
        }
        return Set.copyOf(tracks);
    }

    private static Object value(Map<String, Object> map, String name, String where) {
        Object value = map.get(name);
        if (value == null) {
            throw new IllegalStateException(where + ": '" + name + "' is required");
        }
        return value;
    }

    private static String text(Map<String, Object> map, String name, String where) {
        return value(map, name, where).toString();
    }

    private static String optionalText(Map<String, Object> map, String name) {
        Object value = map.get(name);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> map, String name, String where) {
        Object value = value(map, name, where);
        if (!(value instanceof List<?> list)) {
            throw new IllegalStateException(where + ": '" + name + "' must be a list");
        }
        return ((List<Object>) list).stream().map(Object::toString).toList();
    }
}
