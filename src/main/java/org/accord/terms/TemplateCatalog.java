package org.accord.terms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.accord.content.ClasspathFolder;
import org.accord.content.ContentHash;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The contract templates shipped in {@code contract-templates/}, read once and kept immutable. */
public final class TemplateCatalog {

    public static final String FOLDER = "contract-templates";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    // Every template of the catalog by id; for the shipped catalog, read on first need (see load()).
    private final Supplier<Map<String, ContractTemplate>> templates;
    // Finds one template, possibly without reading the others.
    private final Function<String, Optional<ContractTemplate>> one;

    private TemplateCatalog(Map<String, ContractTemplate> templates) {
        this.templates = () -> templates;
        this.one = id -> Optional.ofNullable(templates.get(id));
    }

    private TemplateCatalog(Supplier<Map<String, ContractTemplate>> templates, Function<String, Optional<ContractTemplate>> one) {
        this.templates = templates;
        this.one = one;
    }

    /** The schema every template is checked against, kept beside the templates. */
    public static final String SCHEMA = "template.schema.json";

    /**
     * The shipped templates: every {@code *.yaml} template of the classpath folder, checked against the
     * schema. Each is read when first asked for: {@link #find} reads only {@code <id>.yaml} (and what it
     * extends or includes), so a command that settles under one template does not read the other
     * sixteen (issue 15: they were half of the README's {@code evaluate} on its main thread). Listing
     * them, or a name that is not a file's, reads them all, once.
     */
    public static TemplateCatalog load() {
        Supplier<Map<String, ContractTemplate>> all = once(TemplateCatalog::readAllShipped);
        Map<String, Optional<ContractTemplate>> found = new java.util.concurrent.ConcurrentHashMap<>();
        return new TemplateCatalog(all, id -> found.computeIfAbsent(id, k -> readShipped(k)
                .filter(template -> template.id().equals(k))
                .or(() -> Optional.ofNullable(all.get().get(k)))));
    }

    private static Map<String, ContractTemplate> readAllShipped() {
        Map<String, ContractTemplate> templates = new TreeMap<>();
        Schema schema = shippedSchema();
        shippedTexts().forEach((path, bytes) -> {
            ContractTemplate template = read(path, bytes, schema);
            if (templates.put(template.id(), template) != null) {
                throw new IllegalStateException(FOLDER + "/" + path + ": template id '" + template.id() + "' is used twice");
            }
        });
        return Map.copyOf(templates);
    }

    /** The shipped template in {@code <id>.yaml}, composed and checked as when all are read; empty when there is no such file. */
    private static Optional<ContractTemplate> readShipped(String id) {
        String path = id + ".yaml";
        Map<String, byte[]> files = ClasspathFolder.read(FOLDER);
        if (id.contains("/") || !files.containsKey(path)) {
            return Optional.empty();
        }
        return Optional.of(read(path, TemplateComposition.selfContained(path, files), schema(files.get(SCHEMA))));
    }

    private static Schema shippedSchema() {
        return schema(ClasspathFolder.read(FOLDER).get(SCHEMA));
    }

    private static <T> Supplier<T> once(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T result = value;
                if (result == null) {
                    synchronized (this) {
                        result = value;
                        if (result == null) {
                            result = supplier.get();
                            value = result;
                        }
                    }
                }
                return result;
            }
        };
    }

    /**
     * The self-contained text of every shipped template by its file's path: the file's own bytes, or,
     * for one that extends another template or includes shared parameter files
     * ({@code parameters/}), the template they compose ({@link TemplateComposition}). This text is
     * what a template's hash is taken over and what the store keeps, so replay needs no other file.
     */
    public static Map<String, byte[]> shippedTexts() {
        Map<String, byte[]> texts = shippedTexts;
        if (texts == null) {
            synchronized (TemplateCatalog.class) {
                texts = shippedTexts;
                if (texts == null) {
                    texts = composeShippedTexts();
                    shippedTexts = texts;
                }
            }
        }
        return texts;
    }

    /**
     * The shipped texts, composed once per process: the service's start reads them twice (the
     * catalog, then the store), and the classpath does not change while it runs. Read only.
     */
    private static volatile Map<String, byte[]> shippedTexts;

    private static Map<String, byte[]> composeShippedTexts() {
        Map<String, byte[]> files = ClasspathFolder.read(FOLDER);
        Map<String, byte[]> texts = new TreeMap<>();
        files.keySet().stream().filter(path -> path.endsWith(".yaml") && !path.contains("/"))
                .forEach(path -> texts.put(path, TemplateComposition.selfContained(path, files)));
        return Collections.unmodifiableMap(texts);
    }

    /**
     * These templates and every {@code *.yaml} template in a folder (a user's own), each checked
     * against the schema as the shipped ones are. A template whose id is already known is
     * refused: a user's file never replaces a shipped one silently.
     *
     * @throws InvalidInputException naming each file and what is wrong with it
     */
    public TemplateCatalog with(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("--templates", "no folder " + folder);
        }
        Schema schema = schema(ClasspathFolder.read(FOLDER).get(SCHEMA));
        Map<String, ContractTemplate> all = new TreeMap<>(templates.get());
        List<InputProblem> problems = new ArrayList<>();
        for (Path file : yamlFiles(folder)) {
            try {
                ContractTemplate template = readAs(file.toString(), Files.readAllBytes(file), schema);
                if (all.putIfAbsent(template.id(), template) != null) {
                    problems.add(new InputProblem(file.toString(), "a template with id '" + template.id() + "' is already known: give yours another id"));
                }
            } catch (IllegalStateException | IllegalArgumentException e) {
                problems.add(new InputProblem(file.toString(), e.getMessage()));
            } catch (IOException e) {
                problems.add(new InputProblem(file.toString(), "not readable: " + e.getMessage()));
            }
        }
        InvalidInputException.throwIfAny(problems);
        return new TemplateCatalog(Map.copyOf(all));
    }

    private static List<Path> yamlFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A catalog of one template read from its file's bytes (a stored template, replayed years
     * later), checked against the shipped schema as every template is, and against its concepts as it
     * was when it was published ({@link ParameterDeclaration.Checks#AS_STORED}): a run made with it replays
     * although a concept has since been held to what its parameters can mean.
     *
     * @param where how messages name the file
     */
    public static TemplateCatalog ofFile(String where, byte[] bytes) {
        ContractTemplate template = readAs(where, bytes, schema(ClasspathFolder.read(FOLDER).get(SCHEMA)), ParameterDeclaration.Checks.AS_STORED);
        return new TemplateCatalog(Map.of(template.id(), template));
    }

    /**
     * A template sent by an admin (YAML, or JSON, which YAML reads as well), checked as a shipped
     * one is: against the schema, the concepts the rules implement and its own constraints.
     *
     * @throws InvalidInputException each problem with a JSON pointer into the template
     *         ({@code /clauses/2/parameters/sharingRate}) and its reason
     */
    public static ContractTemplate readUpload(byte[] bytes) {
        Schema schema = schema(ClasspathFolder.read(FOLDER).get(SCHEMA));
        tools.jackson.databind.JsonNode tree;
        try {
            tree = YAML.readTree(bytes);
        } catch (RuntimeException e) {
            throw new InvalidInputException("", "not readable YAML or JSON: " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidInputException("", "a template is an object (the form of the files in " + FOLDER + "/)");
        }
        List<InputProblem> problems = new ArrayList<>();
        for (com.networknt.schema.Error error : schema.validate(tree)) {
            StringBuilder pointer = new StringBuilder();
            for (int i = 0; i < error.getInstanceLocation().getNameCount(); i++) {
                pointer.append('/').append(String.valueOf(error.getInstanceLocation().getElement(i)).replace("~", "~0").replace("/", "~1"));
            }
            if (error.getProperty() != null) {
                pointer.append('/').append(error.getProperty().replace("~", "~0").replace("/", "~1"));
            }
            problems.add(new InputProblem(pointer.toString(), error.getMessage()));
        }
        InvalidInputException.throwIfAny(problems);
        try {
            return parse(UPLOADED, bytes, ParameterDeclaration.Checks.ALL);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new InvalidInputException(semanticProblems(tree, e.getMessage()));
        }
    }

    /**
     * What a start says of a stored upload that fails a check added since it was published: "stored template X
     * (sha256:...) is not published: it no longer passes the checks a template is published with: /pointer reason; ...".
     */
    public static String notPublished(String id, String hash, InvalidInputException refused) {
        return "stored template " + id + " (" + hash + ") is not published: it no longer passes the checks a template is published with: "
                + String.join("; ", refused.problems().stream().map(p -> p.pointer() + " " + p.reason()).toList())
                + "; its runs still replay on it";
    }

    /** The id a stored template's text gives itself, read without checking it; empty when it gives none. */
    public static Optional<String> idOf(byte[] bytes) {
        try {
            tools.jackson.databind.JsonNode id = YAML.readTree(bytes).path("id");
            return id.isString() ? Optional.of(id.asString()) : Optional.empty();
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The version a stored template's text gives itself, read without checking it; empty when it gives none. */
    public static Optional<String> versionOf(byte[] bytes) {
        try {
            tools.jackson.databind.JsonNode version = YAML.readTree(bytes).path("version");
            return version.isString() || version.isNumber() ? Optional.of(version.asString()) : Optional.empty();
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** How the checks that name a template's place (" clause X parameter Y: ...") call an uploaded one. */
    private static final String UPLOADED = "template";

    private static final java.util.regex.Pattern PLACE = java.util.regex.Pattern.compile(
            "^" + UPLOADED + " clause (\\S+?)(?: (constraints)| constraint \\S+)?(?: parameter (\\S+?)(?: (minimum|maximum|allowed|value))?)?"
                    + "(?: \\(year \\d+\\))?[:, ]");

    /** How the check of a recorded direction names the measure (" measureDirections: HBD-POOR is ..."). */
    private static final java.util.regex.Pattern DIRECTION_PLACE = java.util.regex.Pattern.compile(
            "^" + UPLOADED + " " + TemplateComposition.MEASURE_DIRECTIONS + ": (\\S+) is ");

    /**
     * How the checks name a place within a parameter's value: a ladder's rung that falls (" value: rung 1's rate ..." or
     * " (year 2025): rung 1's rate ..."), a measure's direction or gate that turns it around (" value: HBD-POOR's gate 1 ...").
     */
    private static final java.util.regex.Pattern WITHIN_THE_VALUE = java.util.regex.Pattern.compile(
            " parameter \\S+?(?: value| \\(year (\\d+)\\)): (?:rung (\\d+)'s (\\S+) [^;]* never falls from one rung to the next"
                    + "|(\\S+)'s (?:(direction) |gate (\\d+) ))");

    /**
     * Where within the parameter a check's message places its problem: a rung that falls below the one before it
     * ({@code /value/1/rate}), a measure's direction or gate out of order ({@code /value/HBD-POOR/gates/1}), or for
     * values by year within the value in force from that year ({@code /values/2025/1/rate}); empty for any other message.
     */
    private static String withinTheValue(String message, tools.jackson.databind.JsonNode parameter) {
        java.util.regex.Matcher within = WITHIN_THE_VALUE.matcher(message);
        if (!within.find()) {
            return "";
        }
        String place = within.group(2) != null ? "/" + within.group(2) + "/" + ParameterDeclaration.FieldProblems.Problem.token(within.group(3))
                : "/" + ParameterDeclaration.FieldProblems.Problem.token(within.group(4)) + (within.group(5) != null ? "/direction" : "/gates/" + within.group(6));
        if (within.group(1) == null) {
            return place; // after the "/value" the place names
        }
        int year = Integer.parseInt(within.group(1));
        for (String key : parameter.path("values").propertyNames()) {
            try {
                java.time.LocalDate date = effectiveDate(key, "");
                if ((date.getDayOfYear() == 1 ? date.getYear() : date.getYear() + 1) == year) {
                    return "/values/" + key.replace("~", "~0").replace("/", "~1") + place;
                }
            } catch (IllegalStateException notADate) {
                // refused on its own by the check of the values' keys
            }
        }
        return "";
    }

    /** The checks' messages, each at the clause or parameter it names (the checks join several with "; "). */
    private static List<InputProblem> semanticProblems(tools.jackson.databind.JsonNode tree, String message) {
        List<InputProblem> problems = new ArrayList<>();
        for (String one : message.split("; (?=" + UPLOADED + " )")) {
            java.util.regex.Matcher place = PLACE.matcher(one);
            java.util.regex.Matcher direction = DIRECTION_PLACE.matcher(one);
            String pointer = "";
            if (direction.find()) {
                pointer = "/" + TemplateComposition.MEASURE_DIRECTIONS + "/" + direction.group(1).replace("~", "~0").replace("/", "~1");
            } else if (place.find()) {
                tools.jackson.databind.JsonNode clauses = tree.path("clauses");
                for (int i = 0; i < clauses.size(); i++) {
                    if (place.group(1).equals(clauses.get(i).path("id").asString(""))) {
                        pointer = "/clauses/" + i + (place.group(2) != null ? "/" + place.group(2)
                                : place.group(3) == null ? "" : "/parameters/" + place.group(3) + (place.group(4) == null ? "" : "/" + place.group(4)));
                        pointer += withinTheValue(one, clauses.get(i).path("parameters").path(place.group(3) == null ? "" : place.group(3)));
                        break;
                    }
                }
            }
            problems.add(new InputProblem(pointer, one.startsWith(UPLOADED + " ") ? one.substring(UPLOADED.length() + 1) : one));
        }
        return problems;
    }

    /** These templates and one more, or one that replaces the template of its id. */
    public TemplateCatalog plus(ContractTemplate template) {
        Map<String, ContractTemplate> all = new TreeMap<>(templates.get());
        all.put(template.id(), template);
        return new TemplateCatalog(Map.copyOf(all));
    }

    public Optional<ContractTemplate> find(String id) {
        return one.apply(id);
    }

    /** Why an id finds nothing, with the ids that would: the one wording of every adapter's refusal. */
    public String noTemplate(String id) {
        return "no template '" + id + "'; known: " + all().stream().map(ContractTemplate::id).toList();
    }

    /** All templates ordered by id. */
    public Collection<ContractTemplate> all() {
        return new TreeMap<>(templates.get()).values();
    }

    static Schema schema(byte[] json) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(new java.io.ByteArrayInputStream(json));
    }

    /** Reads one shipped template (its path in the folder), refusing it with the schema's errors when it does not match. */
    static ContractTemplate read(String path, byte[] bytes, Schema schema) {
        return readAs(FOLDER + "/" + path, bytes, schema);
    }

    /** Reads one template that messages call {@code where}, checked against the schema. */
    private static ContractTemplate readAs(String where, byte[] bytes, Schema schema) {
        return readAs(where, bytes, schema, ParameterDeclaration.Checks.ALL);
    }

    private static ContractTemplate readAs(String where, byte[] bytes, Schema schema, ParameterDeclaration.Checks checks) {
        List<com.networknt.schema.Error> errors;
        try {
            errors = schema.validate(YAML.readTree(bytes));
        } catch (RuntimeException e) {
            throw new IllegalStateException(where + ": not readable YAML: " + e.getMessage(), e);
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(where + " does not match " + SCHEMA + ": " + errors);
        }
        return parse(where, bytes, checks);
    }

    @SuppressWarnings("unchecked")
    private static ContractTemplate parse(String where, byte[] bytes, ParameterDeclaration.Checks checks) {
        Map<String, Object> doc;
        try {
            doc = YAML.readValue(bytes, Map.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException(where + ": not readable YAML: " + e.getMessage(), e);
        }
        List<ClauseTemplate> clauses = new ArrayList<>();
        Set<String> parameterNames = new HashSet<>();
        List<Map<String, Object>> rawClauses = (List<Map<String, Object>>) required(doc, "clauses", where);
        for (Map<String, Object> raw : rawClauses) {
            String clauseId = text(raw, "id", where);
            String at = where + " clause " + clauseId;
            List<ParameterDeclaration> parameters = new ArrayList<>();
            Map<String, Object> rawParameters = (Map<String, Object>) raw.getOrDefault("parameters", Map.of());
            for (Map.Entry<String, Object> p : rawParameters.entrySet()) {
                if (!parameterNames.add(p.getKey())) {
                    throw new IllegalStateException(at + ": parameter " + p.getKey() + " is declared twice in the template");
                }
                parameters.add(parameter(p.getKey(), (Map<String, Object>) p.getValue(), at, text(raw, "concept", at), checks));
            }
            List<ClauseConstraint> constraints = new ArrayList<>();
            for (Map<String, Object> constraint : (List<Map<String, Object>>) raw.getOrDefault("constraints", List.of())) {
                constraints.add(new ClauseConstraint(ClauseConstraint.Kind.fromWord(text(constraint, "kind", at)),
                        (List<String>) required(constraint, "parameters", at)));
            }
            clauses.add(new ClauseTemplate(clauseId, text(raw, "concept", at), text(raw, "title", at),
                    text(raw, "text", at), text(raw, "source", at),
                    List.copyOf((List<String>) raw.getOrDefault("requires", List.of())), List.copyOf(parameters),
                    List.copyOf(constraints)));
        }
        Map<String, String> decisionTables = new TreeMap<>();
        ((Map<String, Object>) doc.getOrDefault("decisionTables", Map.of()))
                .forEach((name, hash) -> decisionTables.put(name, String.valueOf(hash)));
        Map<String, String> measureDirections = new TreeMap<>();
        ((Map<String, Object>) doc.getOrDefault(TemplateComposition.MEASURE_DIRECTIONS, Map.of()))
                .forEach((measure, direction) -> measureDirections.put(measure, String.valueOf(direction)));
        ContractTemplate template = new ContractTemplate(text(doc, "id", where), text(doc, "version", where), text(doc, "name", where),
                text(doc, "payer", where), text(doc, "description", where), text(doc, "source", where),
                List.copyOf(clauses), ContentHash.of(bytes), decisionTables, measureDirections, year(doc, "firstPerformanceYear"), year(doc, "lastPerformanceYear"));
        checkYears(template, where);
        if (checks == ParameterDeclaration.Checks.ALL) {
            checkMeasureDirections(template, where);
        }
        checkConstraints(template, where);
        ConceptRegistry.shipped().check(template, where, checks);
        return template;
    }

    /**
     * The directions a template published now records are the measure catalogue's: the direction belongs to the
     * measure, and recorded in the text it is covered by the template's hash and read back on replay. A stored text is
     * read as it was stored ({@link ParameterDeclaration.Checks#AS_STORED}). A text that records none settles with
     * {@link MeasureCatalogue#BEFORE_TEMPLATES_CARRIED_THEM}, as the runs stored before did; a shipped template whose
     * clause reads a direction records them (a test holds every one to it).
     */
    static void checkMeasureDirections(ContractTemplate template, String where) {
        List<String> problems = new ArrayList<>();
        template.measureDirections().forEach((measure, direction) -> {
            if (!MeasureCatalogue.measureIds().contains(measure)) {
                problems.add(where + " " + TemplateComposition.MEASURE_DIRECTIONS + ": " + measure + " is no measure of the measure catalogue ("
                        + FOLDER + "/" + MeasureCatalogue.FILE + "; its measures are " + MeasureCatalogue.measureIds() + ")");
            } else if (!MeasureCatalogue.direction(measure).equals(direction)) {
                problems.add(where + " " + TemplateComposition.MEASURE_DIRECTIONS + ": " + measure + " is " + MeasureCatalogue.direction(measure)
                        + " in the measure catalogue (" + FOLDER + "/" + MeasureCatalogue.FILE + "), not " + direction
                        + ": a direction belongs to the measure, not to a contract");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }

    /**
     * Every constraint holds for the template's own values in every year one of its parameters
     * changes, and a parameter that names a clause offers only this template's clause ids.
     */
    static void checkConstraints(ContractTemplate template, String where) {
        Set<String> clauseIds = new HashSet<>();
        template.clauses().forEach(c -> clauseIds.add(c.id()));
        for (ClauseTemplate clause : template.clauses()) {
            Map<String, ParameterDeclaration> declared = new TreeMap<>();
            clause.parameters().forEach(p -> declared.put(p.name(), p));
            for (ClauseConstraint constraint : clause.constraints()) {
                String at = where + " clause " + clause.id() + " constraint " + constraint.kind().word();
                for (String name : constraint.parameters()) {
                    ParameterDeclaration parameter = declared.get(name);
                    if (parameter == null) {
                        throw new IllegalStateException(at + ": the clause declares no parameter " + name);
                    }
                    boolean fits = constraint.kind() == ClauseConstraint.Kind.NAMES_A_CLAUSE
                            ? parameter.type() == ParameterType.CHOICE
                            : parameter.type() == ParameterType.RATE || parameter.type() == ParameterType.AMOUNT
                                    || parameter.type() == ParameterType.NUMBER;
                    if (!fits) {
                        throw new IllegalStateException(at + ": parameter " + name + " is a " + parameter.type().word());
                    }
                    if (constraint.kind() == ClauseConstraint.Kind.NAMES_A_CLAUSE) {
                        parameter.allowedValues().stream()
                                .filter(word -> !ClauseConstraint.NO_CLAUSE.equals(word) && !clauseIds.contains(word)).findFirst()
                                .ifPresent(word -> {
                                    throw new IllegalStateException(at + ": " + name + " allows '" + word
                                            + "', which is not a clause of the template");
                                });
                    }
                }
                Set<Integer> years = new TreeSet<>();
                constraint.parameters().forEach(name -> years.addAll(declared.get(name).valuesByYear().keySet()));
                for (int year : years) {
                    Map<String, Object> values = new TreeMap<>();
                    for (String name : constraint.parameters()) {
                        SortedMap<Integer, Object> effective = declared.get(name).valuesByYear().headMap(year + 1);
                        values.put(name, effective.isEmpty() ? null : effective.get(effective.lastKey()));
                    }
                    if (!values.containsValue(null)) {
                        constraint.violation(values).ifPresent(problem -> {
                            throw new IllegalStateException(at + (year == 0 ? "" : " (year " + year + ")") + ": " + problem);
                        });
                    }
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static ParameterDeclaration parameter(String name, Map<String, Object> raw, String where, String concept,
            ParameterDeclaration.Checks checks) {
        String at = where + " parameter " + name;
        ParameterType type;
        try {
            type = ParameterType.fromWord(text(raw, "type", at));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(at + ": " + e.getMessage(), e);
        }
        // A scale's rungs have the fields its concept's rules read (an unknown concept or parameter is refused by the registry).
        List<String> fields = ConceptRegistry.shipped().find(concept).map(c -> c.parameters().get(name))
                .filter(declared -> declared.type() == type).map(ConceptDescriptor.Parameter::fields).orElse(List.of());
        Map<Integer, Object> byYear = new TreeMap<>();
        if (raw.containsKey("values")) {
            // Keyed by effective date (or by year: its 1 January); the value in force on a performance
            // year's first day applies, so a date later in the year first applies the next year.
            SortedMap<java.time.LocalDate, Object> byDate = new TreeMap<>();
            ((Map<Object, Object>) raw.get("values")).forEach((key, value) -> byDate.put(effectiveDate(key.toString(), at), value));
            byDate.forEach((date, value) -> byYear.put(date.getDayOfYear() == 1 ? date.getYear() : date.getYear() + 1, value));
        } else if (raw.containsKey("value")) {
            byYear.put(0, raw.get("value"));
        } else {
            throw new IllegalStateException(at + ": needs a value or values by year");
        }
        BigDecimal minimum = optionalDecimal(raw.get("minimum"), at + " minimum");
        BigDecimal maximum = optionalDecimal(raw.get("maximum"), at + " maximum");
        List<String> allowed = List.copyOf((List<String>) raw.getOrDefault("allowed", List.of()));
        boolean decimal = type == ParameterType.RATE || type == ParameterType.AMOUNT || type == ParameterType.NUMBER;
        if (decimal) {
            // A decimal's allowed values are the only ones it takes (an election a regulation offers).
            allowed.forEach(value -> optionalDecimal(value, at + " allowed"));
        }
        ParameterDeclaration unchecked = new ParameterDeclaration(name, type, text(raw, "unit", at),
                text(raw, "description", at), text(raw, "source", at), minimum, maximum, allowed, new TreeMap<>(),
                !Boolean.FALSE.equals(raw.get("negotiable")), fields);
        TreeMap<Integer, Object> accepted = new TreeMap<>();
        byYear.forEach((year, value) -> {
            try {
                accepted.put(year, unchecked.accept(value, checks));
            } catch (IllegalArgumentException e) {
                // Year 0 is a single value, in force in every year: no year to name.
                throw new IllegalStateException(at + (year == 0 ? "" : " (year " + year + ")") + ": " + e.getMessage(), e);
            }
        });
        return new ParameterDeclaration(name, type, unchecked.unit(), unchecked.description(), unchecked.source(),
                unchecked.minimum(), unchecked.maximum(), unchecked.allowedValues(), java.util.Collections.unmodifiableSortedMap(accepted),
                unchecked.negotiable(), unchecked.fields(), raw.get("negotiableFrom") instanceof Number from ? from.intValue() : null);
    }

    private static java.time.LocalDate effectiveDate(String key, String at) {
        try {
            return key.length() == 4 ? java.time.LocalDate.of(Integer.parseInt(key), 1, 1) : java.time.LocalDate.parse(key);
        } catch (RuntimeException e) {
            throw new IllegalStateException(at + ": '" + key + "' is neither a year nor an effective date (yyyy-mm-dd)", e);
        }
    }

    private static BigDecimal optionalDecimal(Object raw, String at) {
        try {
            return raw == null ? null : ParameterType.decimal(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(at + ": " + e.getMessage(), e);
        }
    }

    /** The template's first or last performance year (a year by the schema), where its text gives one; else null. */
    private static Integer year(Map<String, Object> doc, String field) {
        return doc.get(field) instanceof Number year ? year.intValue() : null;
    }

    /**
     * A first performance year the text gives has a value of every parameter in force (a year before a parameter's first
     * value would be refused for want of it, not for the template's years), and is not after its last.
     */
    static void checkYears(ContractTemplate template, String where) {
        Integer first = template.firstPerformanceYear();
        if (first == null) {
            return;
        }
        if (first < template.firstYearOfItsValues()) {
            throw new IllegalStateException(where + " firstPerformanceYear: " + first + " is before " + template.firstYearOfItsValues()
                    + ", the first year in which every parameter has a value");
        }
        if (template.lastPerformanceYear() != null && first > template.lastPerformanceYear()) {
            throw new IllegalStateException(where + " firstPerformanceYear: " + first + " is after lastPerformanceYear " + template.lastPerformanceYear());
        }
    }

    private static Object required(Map<String, Object> map, String key, String where) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalStateException(where + ": '" + key + "' is required");
        }
        return value;
    }

    private static String text(Map<String, Object> map, String key, String where) {
        return String.valueOf(required(map, key, where)).strip();
    }

}
