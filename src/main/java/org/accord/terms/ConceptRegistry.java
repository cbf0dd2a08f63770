package org.accord.terms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.content.ClasspathFolder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The clause concepts, one descriptor per concept beside its rules
 * ({@code rules/<area>/<concept>.concept.yaml}), checked against the rule files when they load:
 * every parameter a rule reads is declared by the descriptor of the clause it reads it from, every
 * declared parameter is read by a rule, every rule file belongs to one concept and every derived
 * fact a rule file declares is produced by a concept. Templates are checked against it as they load
 * ({@link #check(ContractTemplate, String)}), so a template parameter no rule reads, or a rule
 * reading one a template leaves out, fails naming both.
 */
public final class ConceptRegistry {

    /** The folder of rule files and descriptors on the classpath. */
    public static final String FOLDER = "rules";
    public static final String SUFFIX = ".concept.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Pattern DECLARE = Pattern.compile("(?m)^declare\\s+(\\w+)");

    private static volatile ConceptRegistry shipped;

    private final Map<String, ConceptDescriptor> concepts;
    /** For each concept and parameter, the first rule that reads it ("rule 'X' in payment/y.drl"). */
    private final Map<String, Map<String, String>> readers;

    private ConceptRegistry(Map<String, ConceptDescriptor> concepts, Map<String, Map<String, String>> readers) {
        this.concepts = concepts;
        this.readers = readers;
    }

    /** The concepts shipped in {@code rules/}, read and checked once. */
    public static ConceptRegistry shipped() {
        ConceptRegistry registry = shipped;
        if (registry == null) {
            synchronized (ConceptRegistry.class) {
                registry = shipped;
                if (registry == null) {
                    registry = of(ClasspathFolder.read(FOLDER));
                    shipped = registry;
                }
            }
        }
        return registry;
    }

    /**
     * Reads the descriptors among these files (path relative to {@code rules/}) and checks them
     * against the rule files beside them.
     *
     * @throws IllegalStateException listing every mismatch, each naming the descriptor and the rule
     */
    public static ConceptRegistry of(Map<String, byte[]> files) {
        Map<String, ConceptDescriptor> concepts = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        files.forEach((path, bytes) -> {
            if (path.endsWith(SUFFIX)) {
                try {
                    ConceptDescriptor descriptor = read(bytes);
                    String expected = path.substring(path.lastIndexOf('/') + 1, path.length() - SUFFIX.length());
                    if (!descriptor.name().equals(expected)) {
                        problems.add(FOLDER + "/" + path + ": describes concept '" + descriptor.name() + "'; name the file " + descriptor.name() + SUFFIX);
                    } else if (concepts.put(descriptor.name(), descriptor) != null) {
                        problems.add(FOLDER + "/" + path + ": concept '" + descriptor.name() + "' is described twice");
                    }
                } catch (RuntimeException e) {
                    problems.add(FOLDER + "/" + path + ": " + e.getMessage());
                }
            }
        });
        Map<String, Map<String, String>> readers = new TreeMap<>();
        checkRuleFiles(files, concepts, problems);
        Map<String, byte[]> drl = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (path.endsWith(".drl")) {
                drl.put(path, bytes);
            }
        });
        for (RuleParameterReads.Read read : RuleParameterReads.in(drl)) {
            String rule = "rule '" + read.rule() + "' in " + FOLDER + "/" + read.file();
            ConceptDescriptor concept = concepts.get(read.concept());
            if (concept == null) {
                problems.add(rule + " reads a clause of concept '" + read.concept() + "', which no " + SUFFIX + " describes");
            } else if (!concept.parameters().containsKey(read.parameter())) {
                problems.add(rule + " reads parameter " + read.parameter() + " of concept " + read.concept()
                        + ", which " + descriptorPath(concept) + " does not declare");
            } else {
                readers.computeIfAbsent(read.concept(), c -> new TreeMap<>()).putIfAbsent(read.parameter(), rule);
            }
        }
        for (ConceptDescriptor concept : concepts.values()) {
            for (String parameter : concept.parameters().keySet()) {
                if (!readers.getOrDefault(concept.name(), Map.of()).containsKey(parameter)) {
                    problems.add(descriptorPath(concept) + " declares parameter " + parameter + ", which no rule reads");
                }
            }
        }
        checkDerivedFacts(drl, concepts, problems);
        checkMonthlyLines(files, concepts, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the concept descriptors and the rules disagree:\n  " + String.join("\n  ", problems));
        }
        return new ConceptRegistry(Map.copyOf(concepts), Map.copyOf(readers));
    }

    public Optional<ConceptDescriptor> find(String concept) {
        return Optional.ofNullable(concepts.get(concept));
    }

    /** The descriptor of a concept a checked template names. */
    public ConceptDescriptor get(String concept) {
        return find(concept).orElseThrow(() -> new IllegalStateException("no concept '" + concept + "' is described in " + FOLDER + "/"));
    }

    /** All concepts ordered by name. */
    public Collection<ConceptDescriptor> all() {
        return new TreeMap<>(concepts).values();
    }

    /**
     * Checks a template's clauses against their concepts: each concept is described, each parameter
     * is one its rules read (of the declared type), each parameter its rules need is given, and each
     * required period input is one the concept uses.
     *
     * @throws IllegalStateException naming the template's clause and parameter, and the descriptor or rule
     */
    public void check(ContractTemplate template, String where) {
        check(template, where, ParameterDeclaration.Checks.ALL);
    }

    /**
     * As {@link #check(ContractTemplate, String)}; with every check ({@link ParameterDeclaration.Checks#ALL}) also
     * what its concept lets each parameter mean: each bound, value and allowed value of a decimal (or of a scale's
     * rung fields) within the concept's range (a rate is a share of a whole, 0 to 1), and each constraint the concept
     * requires declared by the clause. A stored template ({@link ParameterDeclaration.Checks#AS_STORED}) is read as
     * it was published, so that the runs made with it still replay.
     */
    public void check(ContractTemplate template, String where, ParameterDeclaration.Checks checks) {
        List<String> problems = new ArrayList<>();
        for (ClauseTemplate clause : template.clauses()) {
            String at = where + " clause " + clause.id();
            ConceptDescriptor concept = concepts.get(clause.concept());
            if (concept == null) {
                problems.add(at + ": no concept '" + clause.concept() + "' (described: " + String.join(", ", concepts.keySet()) + ")");
                continue;
            }
            Set<String> given = new TreeSet<>();
            for (ParameterDeclaration parameter : clause.parameters()) {
                given.add(parameter.name());
                ConceptDescriptor.Parameter declared = concept.parameters().get(parameter.name());
                if (declared == null) {
                    problems.add(at + " parameter " + parameter.name() + ": no rule reads it (concept " + concept.name()
                            + " in " + descriptorPath(concept) + " declares " + String.join(", ", concept.parameters().keySet()) + ")");
                } else if (declared.type() != parameter.type()) {
                    problems.add(at + " parameter " + parameter.name() + " is a " + parameter.type().word() + ", but "
                            + readers.get(concept.name()).get(parameter.name()) + " reads it as a " + declared.type().word()
                            + " (" + descriptorPath(concept) + ")");
                } else if (checks == ParameterDeclaration.Checks.ALL) {
                    checkMeaning(concept, declared, parameter, at + " parameter " + parameter.name(), problems);
                    checkGates(template, parameter, at + " parameter " + parameter.name(), problems);
                }
            }
            if (checks == ParameterDeclaration.Checks.ALL) {
                for (ClauseConstraint required : concept.constraints()) {
                    if (clause.constraints().stream().noneMatch(c -> same(c, required))) {
                        problems.add(at + " constraints: concept " + concept.name() + " requires " + required.kind().word() + " of "
                                + String.join(", ", required.parameters()) + " (" + descriptorPath(concept)
                                + "), which the clause does not declare: without it " + meaningOf(required));
                    }
                }
            }
            concept.parameters().forEach((name, declared) -> {
                if (!declared.optional() && !given.contains(name)) {
                    problems.add(at + ": " + readers.get(concept.name()).get(name) + " reads parameter " + name
                            + ", which the clause does not declare");
                }
            });
            for (String input : clause.requires()) {
                if (!concept.periodInputs().contains(input)) {
                    problems.add(at + ": requires " + input + ", which concept " + concept.name() + " does not use ("
                            + descriptorPath(concept) + ")");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }

    /**
     * A template's bounds, allowed values and values of a parameter lie within what its concept lets it mean: a
     * template that declares a withhold of up to 500%, or a corridor share of 250%, describes no contract of the concept.
     */
    private static void checkMeaning(ConceptDescriptor concept, ConceptDescriptor.Parameter declared, ParameterDeclaration parameter,
            String at, List<String> problems) {
        String meaning = meaning(concept, parameter.name(), declared);
        for (String bound : List.of("minimum", "maximum")) {
            BigDecimal value = bound.equals("minimum") ? parameter.minimum() : parameter.maximum();
            outside(declared, value).ifPresentOrElse(reason -> problems.add(at + " " + bound + ": " + reason + " " + meaning),
                    () -> beyondAllowed(declared, value, bound).ifPresent(reason -> problems.add(at + " " + bound + ": " + reason + " "
                            + allowedIn(concept, parameter.name(), declared))));
        }
        if (!declared.allowed().isEmpty() && DECIMALS.contains(declared.type())) {
            for (String allowed : parameter.allowedValues()) {
                BigDecimal value = ParameterType.decimal(allowed);
                if (declared.allowed().stream().noneMatch(a -> a.compareTo(value) == 0)) {
                    problems.add(at + " allowed: " + value.toPlainString() + " is not one of the values "
                            + allowedIn(concept, parameter.name(), declared));
                }
            }
        }
        parameter.valuesByYear().forEach((year, value) -> {
            outsideMeaning(concept, parameter.name(), value)
                    .ifPresent(reason -> problems.add(at + (year == 0 ? " value" : " (year " + year + ")") + ": " + reason));
            fallingRungs(concept, parameter.name(), value).forEach(falling -> problems.add(at + (year == 0 ? " value" : " (year " + year + ")")
                    + ": " + falling.subject() + " " + falling.reason()));
        });
    }

    /**
     * A template's own measure gates, in every year, keep each measure's direction and are in order for it, as an
     * override of them must ({@link ContractTemplate#gatesAgainstTheirMeasures}): gates written higher-is-better for
     * HBD-POOR would score poor control as good.
     */
    private static void checkGates(ContractTemplate template, ParameterDeclaration parameter, String at, List<String> problems) {
        if (parameter.type() != ParameterType.MEASURE_GATES) {
            return;
        }
        parameter.valuesByYear().forEach((year, value) -> template.gatesAgainstTheirMeasures(value).forEach(turned ->
                problems.add(at + (year == 0 ? " value" : " (year " + year + ")") + ": " + turned.subject() + " " + turned.reason())));
    }

    /**
     * Each rung whose field falls below the rung before it, where the concept says that field never falls (a withhold
     * return ladder that gives back less at a better score), at the rung's field ({@code /1/rate}) with both rungs
     * named; empty when none falls, or the concept declares no such parameter.
     */
    public List<ParameterDeclaration.FieldProblems.Problem> fallingRungs(String conceptName, String parameterName, Object value) {
        ConceptDescriptor concept = concepts.get(conceptName);
        return concept == null || !concept.parameters().containsKey(parameterName) ? List.of() : fallingRungs(concept, parameterName, value);
    }

    private static List<ParameterDeclaration.FieldProblems.Problem> fallingRungs(ConceptDescriptor concept, String name, Object value) {
        ConceptDescriptor.Parameter declared = concept.parameters().get(name);
        List<ParameterDeclaration.FieldProblems.Problem> problems = new ArrayList<>();
        if (declared.type() != ParameterType.SCALE || !(value instanceof List<?> rungs)) {
            return problems;
        }
        for (String field : declared.neverFalls()) {
            for (int i = 1; i < rungs.size(); i++) {
                Map<?, ?> lower = (Map<?, ?>) rungs.get(i - 1);
                Map<?, ?> upper = (Map<?, ?>) rungs.get(i);
                if (lower.get(field) instanceof BigDecimal before && upper.get(field) instanceof BigDecimal after && after.compareTo(before) < 0) {
                    problems.add(ParameterDeclaration.FieldProblems.Problem.ofRung(i, field, after.toPlainString() + " (from "
                            + ParameterType.THRESHOLD + " " + plainOf(upper.get(ParameterType.THRESHOLD)) + ") is below rung " + (i - 1) + "'s " + field + " "
                            + before.toPlainString() + " (from " + ParameterType.THRESHOLD + " " + plainOf(lower.get(ParameterType.THRESHOLD))
                            + "): " + name + "'s " + field + " never falls from one rung to the next in any contract of concept "
                            + concept.name() + " (" + descriptorPath(concept) + "), so a higher rung never gives less"));
                }
            }
        }
        return problems;
    }

    private static String plainOf(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }

    /**
     * Why a value (converted by its type) lies outside what its concept lets the parameter mean, in a sentence naming
     * the concept's bound or allowed values; empty when it lies within, or the concept declares no such parameter.
     * A template's own bounds are held within the concept's when it loads, so this binds an override only where the
     * template states no bound of its own.
     */
    public Optional<String> outsideMeaning(String conceptName, String parameterName, Object value) {
        ConceptDescriptor concept = concepts.get(conceptName);
        ConceptDescriptor.Parameter declared = concept == null ? null : concept.parameters().get(parameterName);
        return declared == null ? Optional.empty() : outsideMeaning(concept, parameterName, value);
    }

    private static Optional<String> outsideMeaning(ConceptDescriptor concept, String name, Object value) {
        ConceptDescriptor.Parameter declared = concept.parameters().get(name);
        String meaning = meaning(concept, name, declared);
        if (value instanceof Integer whole) {
            return outside(declared, BigDecimal.valueOf(whole)).map(reason -> reason + " " + meaning);
        }
        if (value instanceof BigDecimal d) {
            Optional<String> outside = outside(declared, d).map(reason -> reason + " " + meaning);
            if (outside.isEmpty() && !declared.allowed().isEmpty() && declared.allowed().stream().noneMatch(a -> a.compareTo(d) == 0)) {
                return Optional.of(d.toPlainString() + " is not one of the values " + allowedIn(concept, name, declared));
            }
            return outside;
        }
        if (declared.type() == ParameterType.SCALE && value instanceof List<?> rungs) {
            List<String> reasons = new ArrayList<>();
            for (int i = 0; i < rungs.size(); i++) {
                for (Map.Entry<?, ?> field : ((Map<?, ?>) rungs.get(i)).entrySet()) {
                    if (!ParameterType.THRESHOLD.equals(field.getKey()) && field.getValue() instanceof BigDecimal d) {
                        int rung = i;
                        outside(declared, d).ifPresent(reason -> reasons.add("rung " + rung + "'s " + field.getKey() + " " + reason));
                    }
                }
            }
            return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons) + " " + meaning);
        }
        return Optional.empty();
    }

    /**
     * What a concept lets one of its parameters mean in any contract of it (its bounds, allowed values, and for a scale the
     * rung fields they hold); empty when the concept is not described, does not declare the parameter, or sets it no limits.
     */
    public Optional<ConceptLimits> limitsOf(String conceptName, String parameterName) {
        ConceptDescriptor concept = concepts.get(conceptName);
        ConceptDescriptor.Parameter declared = concept == null ? null : concept.parameters().get(parameterName);
        if (declared == null || declared.minimum() == null && declared.maximum() == null && declared.allowed().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ConceptLimits(concept.name(), descriptorPath(concept), declared.minimum(), declared.maximum(),
                declared.allowed(), declared.fields(), declared.neverFalls()));
    }

    /** Whether a clause's constraint is one its concept requires of every clause of it (so no template may drop it). */
    public boolean requires(String conceptName, ClauseConstraint constraint) {
        ConceptDescriptor concept = concepts.get(conceptName);
        return concept != null && concept.constraints().stream().anyMatch(required -> same(constraint, required));
    }

    /** "electedMinimumSavingsRate may take in any contract of concept shared-savings: 0, 0.005, ... (its descriptor)". */
    private static String allowedIn(ConceptDescriptor concept, String name, ConceptDescriptor.Parameter declared) {
        return name + " may take in any contract of concept " + concept.name() + ": " + plain(declared.allowed())
                + " (" + descriptorPath(concept) + ")";
    }

    /** "withholdRate can mean in any contract of concept withhold (its descriptor: why)", ending a refusal. */
    private static String meaning(ConceptDescriptor concept, String name, ConceptDescriptor.Parameter declared) {
        return name + " can mean in any contract of concept " + concept.name() + " (" + descriptorPath(concept)
                + (declared.type() == ParameterType.RATE && isShare(declared) ? ": a rate is a share of a whole)"
                        : declared.type() == ParameterType.SCALE && isShare(declared) ? ": its rungs' " + String.join(" and ", declared.fields())
                                + " are shares of a whole)" : ")");
    }

    private static boolean isShare(ConceptDescriptor.Parameter declared) {
        return declared.minimum() != null && declared.maximum() != null
                && BigDecimal.ZERO.compareTo(declared.minimum()) == 0 && BigDecimal.ONE.compareTo(declared.maximum()) == 0;
    }

    /**
     * Why a template's bound lies beyond every value the concept allows (a range of 0 to 0.122 where the elections end at
     * 0.02 offers a negotiator values every override is refused); empty when the concept lists no values, or it lies within.
     */
    private static Optional<String> beyondAllowed(ConceptDescriptor.Parameter declared, BigDecimal value, String bound) {
        if (value == null || declared.allowed().isEmpty()) {
            return Optional.empty();
        }
        BigDecimal least = declared.allowed().stream().min(BigDecimal::compareTo).orElseThrow();
        BigDecimal largest = declared.allowed().stream().max(BigDecimal::compareTo).orElseThrow();
        if (bound.equals("maximum") && value.compareTo(largest) > 0) {
            return Optional.of(value.toPlainString() + " is above " + largest.toPlainString() + ", the largest of the values");
        }
        if (bound.equals("minimum") && value.compareTo(least) < 0) {
            return Optional.of(value.toPlainString() + " is below " + least.toPlainString() + ", the least of the values");
        }
        return Optional.empty();
    }

    /** Why a value lies outside what the concept lets the parameter mean; empty when it lies within. */
    private static Optional<String> outside(ConceptDescriptor.Parameter declared, BigDecimal value) {
        if (value == null) {
            return Optional.empty();
        }
        if (declared.minimum() != null && value.compareTo(declared.minimum()) < 0) {
            return Optional.of(value.toPlainString() + " is below " + declared.minimum().toPlainString() + ", the least");
        }
        if (declared.maximum() != null && value.compareTo(declared.maximum()) > 0) {
            return Optional.of(value.toPlainString() + " is above " + declared.maximum().toPlainString() + ", the most");
        }
        return Optional.empty();
    }

    private static String plain(List<BigDecimal> values) {
        return String.join(", ", values.stream().map(BigDecimal::toPlainString).toList());
    }

    /** The same constraint: the same kind on the same parameters (in the same order, for an order). */
    private static boolean same(ClauseConstraint declared, ClauseConstraint required) {
        return declared.kind() == required.kind() && (required.kind() == ClauseConstraint.Kind.ASCENDING
                ? declared.parameters().equals(required.parameters())
                : new TreeSet<>(declared.parameters()).equals(new TreeSet<>(required.parameters())));
    }

    /** What a required constraint keeps from happening, for a template that leaves it out. */
    private static String meaningOf(ClauseConstraint required) {
        return switch (required.kind()) {
            case SUM_TO_ONE -> "shares of one whole that do not add up to 1 would be rescaled silently";
            case ASCENDING -> "a minimum above its maximum would apply both";
            case NAMES_A_CLAUSE -> "a word would name no clause";
        };
    }

    private static String descriptorPath(ConceptDescriptor concept) {
        String first = concept.ruleFiles().get(0);
        return FOLDER + "/" + first.substring(0, first.lastIndexOf('/') + 1) + concept.name() + SUFFIX;
    }

    /** Every rule or table file belongs to exactly one concept, and every file a descriptor names exists. */
    private static void checkRuleFiles(Map<String, byte[]> files, Map<String, ConceptDescriptor> concepts, List<String> problems) {
        Map<String, String> owner = new TreeMap<>();
        for (ConceptDescriptor concept : concepts.values()) {
            for (String file : concept.ruleFiles()) {
                if (!files.containsKey(file)) {
                    problems.add(descriptorPath(concept) + " names rule file " + file + ", which does not exist");
                }
                String other = owner.put(file, concept.name());
                if (other != null) {
                    problems.add(FOLDER + "/" + file + " is claimed by concepts " + other + " and " + concept.name());
                }
            }
        }
        files.keySet().stream().filter(p -> p.endsWith(".drl") || p.endsWith(".dmn")).filter(p -> !owner.containsKey(p))
                .forEach(p -> problems.add(FOLDER + "/" + p + " belongs to no concept: name it under rules: in its concept's " + SUFFIX));
    }

    /** A line the timing pays monthly is one a rule of the concept writes ({@code .about( "held back" )}). */
    private static void checkMonthlyLines(Map<String, byte[]> files, Map<String, ConceptDescriptor> concepts, List<String> problems) {
        for (ConceptDescriptor concept : concepts.values()) {
            for (String detail : concept.timing().monthlyLines()) {
                Pattern about = Pattern.compile("\\.about\\(\\s*\"" + Pattern.quote(detail) + "\"\\s*\\)");
                boolean written = concept.ruleFiles().stream().map(files::get).filter(java.util.Objects::nonNull)
                        .anyMatch(bytes -> about.matcher(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).find());
                if (!written) {
                    problems.add(descriptorPath(concept) + " pays lines about '" + detail + "' monthly, but no rule of the concept writes one");
                }
            }
        }
    }

    /**
     * Facts of the engine's own classes that a rule derives rather than the engine inserting them: the IPA's
     * totals and its pooled measures (rules/ipa/totals.drl). A concept may produce them without a declare.
     */
    static final Set<String> ENGINE_FACTS = Set.of("Ipa", "Measure");

    /** Every derived fact a rule file declares is produced by a concept; every one a descriptor names is declared. */
    private static void checkDerivedFacts(Map<String, byte[]> drl, Map<String, ConceptDescriptor> concepts, List<String> problems) {
        Set<String> declared = new TreeSet<>();
        drl.values().forEach(bytes -> {
            Matcher m = DECLARE.matcher(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            while (m.find()) {
                declared.add(m.group(1));
            }
        });
        Set<String> produced = new TreeSet<>();
        for (ConceptDescriptor concept : concepts.values()) {
            produced.addAll(concept.produces());
            // A fact a concept declares for other clauses to produce (CostLeftOut) needs no producer shipped.
            produced.addAll(concept.interfaces());
            for (String fact : concept.produces()) {
                if (!declared.contains(fact) && !ENGINE_FACTS.contains(fact)) {
                    problems.add(descriptorPath(concept) + " produces " + fact + ", which no rule file declares");
                }
            }
            for (String fact : concept.consumes()) {
                if (!declared.contains(fact)) {
                    problems.add(descriptorPath(concept) + " consumes " + fact + ", which no rule file declares");
                }
            }
        }
        declared.stream().filter(fact -> !produced.contains(fact))
                .forEach(fact -> problems.add("derived fact " + fact + " is declared in a rule file but no concept produces it"));
    }

    private static final Set<String> PARAMETER_KEYS = new TreeSet<>(Set.of("type", "optional", "fields", "minimum", "maximum", "allowed",
            "neverFalls"));
    private static final Set<ParameterType> DECIMALS = Set.of(ParameterType.RATE, ParameterType.AMOUNT, ParameterType.NUMBER);

    private static String range(BigDecimal minimum, BigDecimal maximum) {
        return (minimum == null ? "" : minimum.toPlainString()) + " to " + (maximum == null ? "" : maximum.toPlainString());
    }

    @SuppressWarnings("unchecked")
    private static ConceptDescriptor read(byte[] bytes) {
        Map<String, Object> doc = YAML.readValue(bytes, Map.class);
        Set<String> known = Set.of("concept", "description", "rules", "parameters", "periodInputs", "facts", "produces",
                "consumes", "interfaces", "constraints", "pool", "riskSharing", "timing");
        for (String key : doc.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' (known: " + new TreeSet<>(known) + ")");
            }
        }
        Map<String, ConceptDescriptor.Parameter> parameters = new TreeMap<>();
        ((Map<String, Map<String, Object>>) doc.getOrDefault("parameters", Map.of())).forEach((name, raw) -> {
            for (String key : raw.keySet()) {
                if (!PARAMETER_KEYS.contains(key)) {
                    throw new IllegalArgumentException("parameter " + name + ": unknown key '" + key + "' (known: " + PARAMETER_KEYS + ")");
                }
            }
            ParameterType type = ParameterType.fromWord(String.valueOf(raw.get("type")));
            List<String> fields = List.copyOf((List<String>) raw.getOrDefault("fields", List.of()));
            // A scale names the fields its rules read from each rung: templates and overrides are held to them.
            if (type == ParameterType.SCALE && (fields.isEmpty() || fields.contains(ParameterType.THRESHOLD))) {
                throw new IllegalArgumentException("parameter " + name + " is a scale: list the fields its rules read from each rung"
                        + " besides the threshold as fields: [...]");
            }
            if (type != ParameterType.SCALE && !fields.isEmpty()) {
                throw new IllegalArgumentException("parameter " + name + " is a " + type.word() + ": only a scale has fields");
            }
            boolean decimal = DECIMALS.contains(type);
            // A whole number is bounded as a decimal is: a count of members or months below nothing means nothing.
            boolean bounded = decimal || type == ParameterType.COUNT || type == ParameterType.SCALE;
            if (!bounded && (raw.containsKey("minimum") || raw.containsKey("maximum"))) {
                throw new IllegalArgumentException("parameter " + name + " is a " + type.word() + ": only a decimal, a count or a scale has bounds");
            }
            if (!decimal && raw.containsKey("allowed")) {
                throw new IllegalArgumentException("parameter " + name + " is a " + type.word() + ": only a decimal has allowed values");
            }
            // A rate, and every rung field of a scale (a ladder's rate, a band's shares), is a share of a whole
            // unless its concept says what else it can mean (a percentage of a fee schedule may exceed 1).
            boolean share = type == ParameterType.RATE || type == ParameterType.SCALE;
            BigDecimal minimum = raw.containsKey("minimum") ? ParameterType.decimal(raw.get("minimum")) : share ? BigDecimal.ZERO : null;
            BigDecimal maximum = raw.containsKey("maximum") ? ParameterType.decimal(raw.get("maximum")) : share ? BigDecimal.ONE : null;
            List<BigDecimal> allowed = ((List<Object>) raw.getOrDefault("allowed", List.of())).stream().map(ParameterType::decimal).toList();
            if (minimum != null && maximum != null && minimum.compareTo(maximum) > 0) {
                throw new IllegalArgumentException("parameter " + name + ": minimum " + minimum.toPlainString() + " is above maximum "
                        + maximum.toPlainString());
            }
            for (BigDecimal value : allowed) {
                if (minimum != null && value.compareTo(minimum) < 0 || maximum != null && value.compareTo(maximum) > 0) {
                    throw new IllegalArgumentException("parameter " + name + ": allowed value " + value.toPlainString()
                            + " is outside " + range(minimum, maximum));
                }
            }
            // A ladder whose share rises with quality says so: a rung field that fell would pay less for a better score.
            List<String> neverFalls = List.copyOf((List<String>) raw.getOrDefault("neverFalls", List.of()));
            for (String field : neverFalls) {
                if (!fields.contains(field)) {
                    throw new IllegalArgumentException("parameter " + name + ": neverFalls names " + field + ", which is not one of its rung fields "
                            + fields);
                }
            }
            parameters.put(name, new ConceptDescriptor.Parameter(type, Boolean.TRUE.equals(raw.get("optional")), fields,
                    minimum, maximum, allowed, neverFalls));
        });
        List<ClauseConstraint> constraints = new ArrayList<>();
        for (Map<String, Object> raw : (List<Map<String, Object>>) doc.getOrDefault("constraints", List.of())) {
            ClauseConstraint constraint = new ClauseConstraint(ClauseConstraint.Kind.fromWord(String.valueOf(required(raw, "kind"))),
                    (List<String>) required(raw, "parameters"));
            for (String name : constraint.parameters()) {
                ConceptDescriptor.Parameter parameter = parameters.get(name);
                if (parameter == null || !DECIMALS.contains(parameter.type()) || constraint.kind() == ClauseConstraint.Kind.NAMES_A_CLAUSE) {
                    throw new IllegalArgumentException("constraint " + constraint.kind().word() + " binds " + name
                            + ": a concept requires constraints on its own decimal parameters only");
                }
            }
            constraints.add(constraint);
        }
        Map<String, Object> timing = (Map<String, Object>) required(doc, "timing");
        return new ConceptDescriptor(
                (String) required(doc, "concept"),
                String.valueOf(required(doc, "description")).strip(),
                List.copyOf((List<String>) required(doc, "rules")),
                java.util.Collections.unmodifiableMap(parameters),
                words(doc, "periodInputs"), words(doc, "facts"), words(doc, "produces"), words(doc, "consumes"),
                words(doc, "interfaces"),
                List.copyOf(constraints),
                ConceptDescriptor.PoolRole.fromWord(String.valueOf(required(doc, "pool"))),
                Boolean.TRUE.equals(doc.get("riskSharing")),
                new ConceptDescriptor.Timing(String.valueOf(required(timing, "paid")),
                        (List<String>) timing.getOrDefault("monthlyLines", List.of()),
                        Boolean.TRUE.equals(timing.get("monthlyOnRequest"))));
    }

    @SuppressWarnings("unchecked")
    private static List<String> words(Map<String, Object> doc, String key) {
        return List.copyOf((List<String>) doc.getOrDefault(key, List.of()));
    }

    private static Object required(Map<String, Object> doc, String key) {
        Object value = doc.get(key);
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' is required");
        }
        return value;
    }
}
