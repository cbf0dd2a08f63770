package org.accord.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.accord.validation.InputProblem;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The practice-performance facts, declared once in {@code rules/facts.yaml}: each field's name,
 * type, unit, bounds, description, CSV column and whether it may be left out. The named fields of
 * {@link PracticePerformance} are declared there too (and checked against the record when the
 * declaration loads); every other declared field travels in a practice's {@code extra} facts, so a
 * new fact is one declaration: the validator checks it, the CSV reader and writer take its column,
 * the API accepts it and the rules read it by name ({@code Practice.money( "name" )}).
 */
public final class FactDeclarations {

    /** Where the shipped declaration sits on the classpath, beside the rules that read it. */
    public static final String RESOURCE = "rules/facts.yaml";

    /** Fields of the record that are not single facts: the measures (their own schema) and the extra facts. */
    private static final Set<String> NOT_DECLARED = Set.of("qualityMeasures", "extra");
    private static final YAMLMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Set<String> KEYS = Set.of("type", "unit", "minimum", "maximum", "description", "csv", "optional",
            "partOf");
    /** The named amounts a fact may be declared part of ({@code partOf}). */
    private static final Set<String> WHOLES = Set.of("totalCostOfCare", "feeScheduleAllowedAmount");

    private static volatile FactDeclarations shipped;

    private final Map<String, FactField> practice;
    /** The period's declared facts (its amounts), each a field of {@link PerformancePeriod}. */
    private final Map<String, FactField> period;
    /** The declared extra facts, in the order declared: read for every practice validated (a trial's 25, issue 15). */
    private final List<FactField> extraFields;
    /** The declared extra facts that are part of a named amount. */
    private final List<FactField> parts;

    private FactDeclarations(Map<String, FactField> practice, Map<String, FactField> period) {
        this.practice = practice;
        this.period = period;
        this.extraFields = practice.values().stream().filter(f -> !f.named()).toList();
        this.parts = extraFields.stream().filter(f -> f.partOf() != null).toList();
    }

    /**
     * The declarations among rule files given by path relative to {@code rules/}: {@code facts.yaml}
     * (the shipped one when the files lack it) and then every {@code *.facts.yaml}, in path order,
     * each adding fields.
     */
    public static FactDeclarations among(Map<String, byte[]> files) {
        List<byte[]> documents = new ArrayList<>();
        byte[] main = files.get("facts.yaml");
        if (main == null) {
            return files.keySet().stream().noneMatch(path -> path.endsWith(".facts.yaml")) ? shipped()
                    : of(java.util.stream.Stream.concat(java.util.stream.Stream.of(shippedBytes()),
                            new java.util.TreeMap<>(files).entrySet().stream().filter(e -> e.getKey().endsWith(".facts.yaml"))
                                    .map(Map.Entry::getValue)).toArray(byte[][]::new));
        }
        documents.add(main);
        new java.util.TreeMap<>(files).forEach((path, bytes) -> {
            if (path.endsWith(".facts.yaml")) {
                documents.add(bytes);
            }
        });
        return of(documents.toArray(byte[][]::new));
    }

    private static byte[] shippedBytes() {
        try (InputStream in = FactDeclarations.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The declaration shipped in {@code rules/facts.yaml}, read and checked once. */
    public static FactDeclarations shipped() {
        FactDeclarations declarations = shipped;
        if (declarations == null) {
            synchronized (FactDeclarations.class) {
                declarations = shipped;
                if (declarations == null) {
                    declarations = of(shippedBytes());
                    shipped = declarations;
                }
            }
        }
        return declarations;
    }

    /**
     * Reads declarations, later documents adding fields to earlier ones (a test declares a field of
     * its own beside the shipped ones this way).
     *
     * @throws IllegalStateException naming every field that is declared wrongly, twice, or that the
     *                               record has and the declaration lacks
     */
    @SuppressWarnings("unchecked")
    public static FactDeclarations of(byte[]... documents) {
        Map<String, RecordComponent> components = new LinkedHashMap<>();
        for (RecordComponent component : PracticePerformance.class.getRecordComponents()) {
            if (!NOT_DECLARED.contains(component.getName())) {
                components.put(component.getName(), component);
            }
        }
        Map<String, RecordComponent> periodComponents = new LinkedHashMap<>();
        for (RecordComponent component : PerformancePeriod.class.getRecordComponents()) {
            periodComponents.put(component.getName(), component);
        }
        Map<String, FactField> fields = new LinkedHashMap<>();
        Map<String, FactField> periodFields = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (byte[] document : documents) {
            Map<String, Object> doc = YAML.readValue(document, Map.class);
            Map<String, Map<String, Object>> declared = (Map<String, Map<String, Object>>) doc.getOrDefault("practice", Map.of());
            declared.forEach((name, raw) -> {
                try {
                    FactField field = field(name, raw, components.get(name));
                    if (fields.put(name, field) != null) {
                        problems.add("practice fact " + name + " is declared twice");
                    }
                } catch (RuntimeException e) {
                    problems.add("practice fact " + name + ": " + e.getMessage());
                }
            });
            // The period is a record of its own: only its fields can be declared, none travels as an extra fact.
            Map<String, Map<String, Object>> period = (Map<String, Map<String, Object>>) doc.getOrDefault("period", Map.of());
            period.forEach((name, raw) -> {
                try {
                    if (!periodComponents.containsKey(name)) {
                        throw new IllegalArgumentException("PerformancePeriod has no field " + name);
                    }
                    if (periodFields.put(name, field(name, raw, periodComponents.get(name))) != null) {
                        problems.add("period fact " + name + " is declared twice");
                    }
                } catch (RuntimeException e) {
                    problems.add("period fact " + name + ": " + e.getMessage());
                }
            });
        }
        components.keySet().stream().filter(name -> !fields.containsKey(name))
                .forEach(name -> problems.add("PracticePerformance." + name + " is not declared under practice:"));
        Set<String> columns = new TreeSet<>();
        fields.values().forEach(f -> {
            if (!columns.add(f.csvColumn())) {
                problems.add("CSV column " + f.csvColumn() + " is declared for two facts");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the facts declaration (" + RESOURCE + ") is wrong:\n  " + String.join("\n  ", problems));
        }
        return new FactDeclarations(Collections.unmodifiableMap(fields), Collections.unmodifiableMap(periodFields));
    }

    private static FactField field(String name, Map<String, Object> raw, RecordComponent component) {
        for (String key : raw.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' (known: " + new TreeSet<>(KEYS) + ")");
            }
        }
        if (!name.matches("[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("a fact's name is a word in lower camel case");
        }
        Object type = raw.get("type");
        Object description = raw.get("description");
        if (type == null || description == null) {
            throw new IllegalArgumentException("'type' and 'description' are required");
        }
        FactType factType = FactType.fromWord(String.valueOf(type));
        if (component != null && !fits(factType, component.getType())) {
            throw new IllegalArgumentException("declared a " + factType.word() + " but " + component.getDeclaringRecord().getSimpleName() + "." + name
                    + " is a " + component.getType().getSimpleName());
        }
        String partOf = raw.get("partOf") == null ? null : String.valueOf(raw.get("partOf"));
        if (partOf != null && (component != null || !WHOLES.contains(partOf) || (factType != FactType.MONEY && factType != FactType.MONEY_LIST))) {
            throw new IllegalArgumentException("'partOf' makes an extra money or money-list fact a part of one of " + new TreeSet<>(WHOLES));
        }
        return new FactField(name, factType, (String) raw.get("unit"), bound(raw.get("minimum")), bound(raw.get("maximum")),
                String.valueOf(description).strip(), String.valueOf(raw.getOrDefault("csv", name)),
                Boolean.TRUE.equals(raw.get("optional")), component != null, partOf);
    }

    private static boolean fits(FactType type, Class<?> javaType) {
        return switch (type) {
            case TEXT -> javaType == String.class;
            case COUNT -> javaType == int.class || javaType == long.class;
            case DECIMAL, MONEY -> javaType == BigDecimal.class;
            case FLAG -> javaType == boolean.class || javaType == Boolean.class;
            case MONEY_LIST -> javaType == List.class;
        };
    }

    private static BigDecimal bound(Object raw) {
        return raw == null ? null : new BigDecimal(raw.toString());
    }

    /** Every declared practice fact, in the order declared. */
    public List<FactField> practiceFields() {
        return List.copyOf(practice.values());
    }

    /** The declared facts a practice carries in its {@code extra} facts, in the order declared. */
    public List<FactField> extraFields() {
        return extraFields;
    }

    public Optional<FactField> practiceField(String name) {
        return Optional.ofNullable(practice.get(name));
    }

    /** The period's declared facts, in the order declared. */
    public List<FactField> periodFields() {
        return List.copyOf(period.values());
    }

    public Optional<FactField> periodField(String name) {
        return Optional.ofNullable(period.get(name));
    }

    /**
     * Problems with a practice's extra facts, pointers relative to the practice: a fact that is not
     * declared, one of the wrong type or out of its bounds, and a declared fact that is not optional and missing.
     */
    public List<InputProblem> problems(PracticePerformance practice, String at) {
        List<InputProblem> problems = new ArrayList<>();
        practice.extra().forEach((name, value) -> {
            FactField field = this.practice.get(name);
            if (field == null || field.named()) {
                problems.add(new InputProblem(extraPointer(at, name), "'" + name + "' is not a declared extra fact (declared in "
                        + RESOURCE + ": " + String.join(", ", extraFields().stream().map(FactField::name).toList()) + ")"));
            } else {
                String reason = field.problem(value);
                if (reason != null) {
                    problems.add(new InputProblem(extraPointer(at, name), reason));
                }
            }
        });
        for (FactField field : extraFields) {
            if (!field.optional() && !practice.extra().containsKey(field.name())) {
                problems.add(new InputProblem(at + "/extra/" + field.name(), "is required (" + field.description() + ")"));
            }
        }
        return problems;
    }

    /**
     * Problems where a practice's extra fact declared part of a named amount ({@code partOf}) comes to more than
     * that amount (a list: its items summed), pointers relative to the practice. A fact that is absent or not of
     * its type is left to {@link #problems(PracticePerformance, String)}, as is an absent amount.
     */
    public List<InputProblem> partsBeyondTheirWhole(PracticePerformance practice, String at) {
        if (parts.isEmpty() || practice.extra().isEmpty()) {
            return List.of();
        }
        List<InputProblem> problems = new ArrayList<>();
        for (FactField part : parts) {
            Optional<Object> typed = part.type().read(practice.extra().get(part.name()));
            BigDecimal whole = "totalCostOfCare".equals(part.partOf()) ? practice.totalCostOfCare() : practice.feeScheduleAllowedAmount();
            if (typed.isEmpty() || whole == null) {
                continue;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (BigDecimal amount : FactType.numbers(typed.get())) {
                sum = sum.add(amount);
            }
            if (sum.compareTo(whole) > 0) {
                problems.add(new InputProblem(extraPointer(at, part.name()), (part.type() == FactType.MONEY_LIST
                        ? "its amounts sum to " : "it is ") + sum.toPlainString() + ", more than the practice's " + part.partOf()
                        + " of " + whole.toPlainString() + ", which it is a part of"));
            }
        }
        return problems;
    }

    /**
     * The amounts of a practice's extra facts declared part of its totalCostOfCare ({@code partOf}), a list's
     * items each on its own (a high-cost member's cost, one amount a member), in the order declared: costs
     * known within the practice's cost, which a simulation holds and does not draw. Empty when it has none.
     */
    public List<BigDecimal> partsOfTotalCostOfCare(PracticePerformance practice) {
        if (parts.isEmpty() || practice.extra().isEmpty()) {
            return List.of();
        }
        List<BigDecimal> amounts = new ArrayList<>();
        for (FactField part : parts) {
            if ("totalCostOfCare".equals(part.partOf())) {
                part.type().read(practice.extra().get(part.name())).ifPresent(typed -> amounts.addAll(FactType.numbers(typed)));
            }
        }
        return amounts;
    }

    // Built only for a problem: valid facts are the common case.
    private static String extraPointer(String at, String name) {
        return at + "/extra/" + name.replace("~", "~0").replace("/", "~1");
    }
}
