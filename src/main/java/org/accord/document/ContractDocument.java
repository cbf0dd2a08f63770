package org.accord.document;

import tools.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.accord.content.ClasspathFolder;
import org.accord.settlement.VersionStanding;
import org.accord.store.Contract;
import org.accord.store.ContractStore;
import org.accord.store.ContractVersion;
import org.accord.store.Publication;
import org.accord.terms.ClauseConstraint;
import org.accord.terms.ClauseTemplate;
import org.accord.terms.ConceptDescriptor;
import org.accord.terms.ConceptLimits;
import org.accord.terms.ConceptRegistry;
import org.accord.terms.ContractTemplate;
import org.accord.terms.ParameterDeclaration;
import org.accord.terms.ParameterType;
import org.accord.terms.TermsResolver;
import org.accord.validation.InvalidInputException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The document a reviewer reads for one contract template: each clause in plain words, its
 * parameters with values, units and sources, its decision tables as tables, each rule verbatim
 * below the paragraph it implements, a diagram of which clause feeds which, and the golden cases
 * that settle it. Terms a negotiator changed are shown beside the template's values.
 */
public final class ContractDocument {

    /** Where the golden cases ship on the classpath (copied from the test suite's golden/ folder). */
    public static final String GOLDEN_CASES = "golden-cases";

    private final ContractTemplate template;
    private final ConceptRegistry concepts;
    private final Map<String, String> ruleTexts;
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private final Map<String, JsonNode> goldenCases;
    private final Map<String, Object> changedTerms;
    /** The stored contract version this document is of, or null for a template's document. */
    private final Version version;
    private final List<Block> blocks = new ArrayList<>();

    /**
     * A stored contract version with its contract, the publications that put it in force (latest first), and its standing
     * over its own effective period: which versions published after it govern which of its days.
     */
    private record Version(Contract contract, ContractVersion version, List<Publication> publications, VersionStanding standing) {
    }

    private ContractDocument(ContractTemplate template, ConceptRegistry concepts, Map<String, String> ruleTexts,
                             Map<String, byte[]> goldenCases, Map<String, Object> changedTerms, Version version) {
        this.template = template;
        this.concepts = concepts;
        this.ruleTexts = ruleTexts;
        this.goldenCases = new TreeMap<>();
        goldenCases.forEach((path, bytes) -> {
            if (path.endsWith(".yaml") && path.contains("/")) {
                try {
                    this.goldenCases.put(path, YAML.readTree(bytes));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("golden case " + path + " is not YAML: " + e.getMessage(), e);
                }
            }
        });
        this.changedTerms = changedTerms;
        this.version = version;
        build();
    }

    /**
     * The document of a shipped template, from the rules and golden cases on the classpath.
     *
     * @param overrides terms a negotiator changed, by name (a scale's rung as {@code name[rung].field}), as text
     * @throws IllegalArgumentException naming a term the template does not have, one set by regulation, or a value out of range
     */
    public static ContractDocument of(ContractTemplate template, Map<String, String> overrides) {
        Map<String, Object> changed = changed(template, overrides);
        fitEveryYear(template, overrides);
        return withShippedRules(template, changed, null);
    }

    /**
     * The document shows changed terms beside every year's values, so they must pass the checks an evaluation makes in
     * each of the years the template settles (from its first to its last, where it gives them): a scale's rungs in order
     * and in number, and each clause's constraints between its parameters. A term the regulation set before a year
     * ({@code negotiableFrom}) is changed from that year only: an evaluation of an earlier year refuses the change, so
     * the years before it are checked without it, and the document says the change does not apply to them.
     */
    private static void fitEveryYear(ContractTemplate template, Map<String, String> overrides) {
        if (overrides.isEmpty()) {
            return;
        }
        // The years the template settles in which some value takes effect or a changed term becomes negotiable.
        List<ParameterDeclaration> parameters = template.clauses().stream().flatMap(clause -> clause.parameters().stream()).toList();
        int first = template.firstYearSettled();
        int last = template.lastPerformanceYear() == null ? Integer.MAX_VALUE : template.lastPerformanceYear();
        SortedSet<Integer> years = new TreeSet<>(Set.of(first));
        parameters.forEach(p -> p.valuesByYear().tailMap(first).keySet().stream().filter(year -> year <= last).forEach(years::add));
        overrides.keySet().forEach(name -> negotiableFrom(template, name).filter(from -> from > first && from <= last).ifPresent(years::add));
        for (int year : years) {
            Map<String, String> applying = new LinkedHashMap<>();
            overrides.forEach((name, value) -> {
                if (negotiableFrom(template, name).filter(from -> year < from).isEmpty()) {
                    applying.put(name, value);
                }
            });
            try {
                TermsResolver.resolve(template, applying, year);
            } catch (InvalidInputException e) {
                throw new IllegalArgumentException((years.size() > 1 ? "in performance year " + year + ", " : "")
                        + e.problems().stream().map(p -> p.pointer().replaceFirst("^/overrides/", "") + ": " + p.reason())
                                .distinct().collect(Collectors.joining("; ")), e);
            }
        }
    }

    /** The year from which a changed term (a parameter, or a rung of a scale) is negotiable, where the regulation set it before. */
    private static Optional<Integer> negotiableFrom(ContractTemplate template, String name) {
        String parameter = name.contains("[") ? name.substring(0, name.indexOf('[')) : name;
        return template.parameter(parameter).map(ParameterDeclaration::negotiableFrom);
    }

    /**
     * The document of a stored contract version: its template's document with the version's
     * overrides applied, each parameter at the values in force over the version's effective period
     * (the template's beside any the version changes), headed by the contract.
     *
     * @param template     the template the version was made on (its {@code templateHash})
     * @param overrides    the version's overrides, as read from its stored JSON
     * @param publications the contract's publications of this version, latest first; none if it is not published
     * @throws IllegalArgumentException if the template is not the one the version was made on, or an override does not fit it
     */
    public static ContractDocument of(ContractTemplate template, Contract contract, ContractVersion version,
                                      Map<String, ?> overrides, List<Publication> publications) {
        return of(template, contract, version, overrides, List.of(version), publications);
    }

    /**
     * As {@link #of(ContractTemplate, Contract, ContractVersion, Map, List)}, with the contract's versions, so that a
     * version superseded on some of its days by one published after it names that version and those days.
     */
    public static ContractDocument of(ContractTemplate template, Contract contract, ContractVersion version,
                                      Map<String, ?> overrides, List<ContractVersion> versions, List<Publication> publications) {
        if (!template.contentHash().equals(version.templateHash()) || !contract.id().equals(version.contractId())) {
            throw new IllegalArgumentException("version " + version.id() + " of contract " + version.contractId()
                    + " was made on template " + version.templateId() + " " + version.templateHash() + ", not on "
                    + template.id() + " " + template.contentHash() + " of contract " + contract.id());
        }
        List<Publication> ofThisVersion = publications.stream().filter(p -> p.versionId().equals(version.id())).toList();
        VersionStanding standing = ContractStore.standing(version, versions, publications, version.effectiveFrom(), version.effectiveTo());
        return withShippedRules(template, changed(template, overrides), new Version(contract, version, ofThisVersion, standing));
    }

    private static ContractDocument withShippedRules(ContractTemplate template, Map<String, Object> changed, Version version) {
        Map<String, byte[]> rules = ClasspathFolder.read(ConceptRegistry.FOLDER);
        Map<String, String> texts = new TreeMap<>();
        rules.forEach((path, bytes) -> texts.put(path, new String(bytes, StandardCharsets.UTF_8)));
        Map<String, byte[]> golden;
        try {
            golden = ClasspathFolder.read(GOLDEN_CASES);
        } catch (IllegalStateException notShipped) {
            golden = Map.of();
        }
        return new ContractDocument(template, ConceptRegistry.shipped(), texts, golden, changed, version);
    }

    private static Map<String, Object> changed(ContractTemplate template, Map<String, ?> overrides) {
        Map<String, Object> changed = new LinkedHashMap<>();
        overrides.forEach((name, raw) -> {
            ParameterDeclaration term = template.term(name).orElseThrow(() -> new IllegalArgumentException(
                    "template " + template.id() + " has no term '" + name + "'"));
            if (!term.negotiable()) {
                throw new IllegalArgumentException(name + " is set by regulation (" + term.source() + ") and cannot be changed");
            }
            try {
                changed.put(name, term.accept(raw));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
        });
        return changed;
    }

    public String title() {
        if (version != null) {
            ContractVersion v = version.version();
            return "Contract of " + version.contract().ipaId() + " with " + version.contract().payer() + ", version "
                    + v.number() + " (" + v.name() + ")";
        }
        return templateTitle();
    }

    private String templateTitle() {
        return template.name() + " (" + template.id() + " " + template.version() + ")";
    }

    public String markdown() {
        return Rendering.markdown(blocks);
    }

    public String html() {
        return Rendering.html(title(), blocks);
    }

    private void build() {
        blocks.add(new Block.Heading(1, title()));
        if (version != null) {
            contract();
        }
        blocks.add(new Block.Paragraph((version == null ? "" : "**Template:** " + templateTitle() + ". ")
                + "**Payer:** " + template.payer() + ". **Source:** " + template.source()
                + ". **Template file hash:** `" + template.contentHash() + "`."
                + template.yearsSettledInWords().map(years -> " **Performance years:** " + years + ".").orElse("")));
        blocks.add(new Block.Paragraph(template.description()));
        if (!template.measureDirections().isEmpty()) {
            // The rules read each measure's direction from the template's text, so a reviewer reads them here too.
            blocks.add(new Block.Paragraph("**Measure directions** (recorded in the template's text and read by its rules): "
                    + template.measureDirections().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(java.util.stream.Collectors.joining(", ")) + "."));
        }
        if (!changedTerms.isEmpty()) {
            // The description was written with the template's values; it is not these terms' words.
            blocks.add(new Block.Paragraph("**The template's description**, in the template's terms: where it names a value of a term "
                    + thisDocument() + " changes, the value " + thisDocument() + " settles with is in the table below."));
            blocks.add(new Block.Heading(2, version == null ? "Terms changed from the template" : "Terms this version changes"));
            List<List<String>> rows = new ArrayList<>();
            changedTerms.keySet().forEach(name -> rows.add(List.of("`" + name + "`", changed(name),
                    show(inForce(template.term(name).orElseThrow())))));
            blocks.add(new Block.Table(List.of("term", version == null ? "value in this document" : "value in force",
                    "template's value"), rows));
        }
        blocks.add(new Block.Heading(2, "Clauses"));
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < template.clauses().size(); i++) {
            ClauseTemplate clause = template.clauses().get(i);
            contents.add((i + 1) + ". " + clause.title() + " (`" + clause.id() + "`, concept `" + clause.concept() + "`)");
        }
        blocks.add(new Block.Bullets(contents));
        diagram();
        for (int i = 0; i < template.clauses().size(); i++) {
            clause(i + 1, template.clauses().get(i));
        }
        goldenCasesOfTheTemplate();
    }

    /**
     * What takes the version's place: the versions published after it for its days, each with the days it governs
     * ("; superseded by version 2 (`v-3`) from 2025-07-01 to 2025-12-31"), or, while none does, that one would.
     */
    private String supersededBy() {
        List<VersionStanding.DaysGoverned> others = version.standing().governedBy();
        if (!VersionStanding.SUPERSEDED.equals(version.standing().inForce()) || others.isEmpty()) {
            return "; a version published later for the same days takes their place";
        }
        StringBuilder out = new StringBuilder("; superseded by ");
        for (int i = 0; i < others.size(); i++) {
            VersionStanding.DaysGoverned other = others.get(i);
            out.append(i == 0 ? "" : i == others.size() - 1 ? " and " : ", ").append("version ").append(other.versionNumber())
                    .append(" (`").append(other.versionId()).append("`) from ").append(other.from()).append(" to ").append(other.to());
        }
        return out.append(", published after it for those days").toString();
    }

    /** The contract the version belongs to, what it is and whether it is in force. */
    private void contract() {
        ContractVersion v = version.version();
        String published;
        if (version.publications().isEmpty()) {
            published = "no: this " + v.kind() + " is not the contract in force for any day";
        } else {
            Publication last = version.publications().get(0);
            published = "yes, on " + last.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate() + " by " + last.publishedBy()
                    + " (publication " + last.sequence() + (version.publications().size() > 1
                    ? ", the latest of " + version.publications().size() + " of this version" : "")
                    + ")" + supersededBy();
        }
        blocks.add(new Block.Table(List.of("contract", "value"), List.of(
                List.of("IPA", version.contract().ipaId()),
                List.of("payer", version.contract().payer()),
                List.of("contract", "`" + version.contract().id() + "`"),
                List.of("version", v.number() + ": " + v.name() + " (" + v.kind() + "), `" + v.id() + "`"),
                List.of("effective", v.effectiveFrom() + " to " + v.effectiveTo() + " (performance year"
                        + (firstYear() == lastYear() ? " " + firstYear() : "s " + firstYear() + " to " + lastYear()) + ")"),
                List.of("versionHash", "`" + v.versionHash() + "`"),
                List.of("made", v.createdAt().atOffset(ZoneOffset.UTC).toLocalDate() + " by " + v.createdBy()),
                List.of("published", published))));
        blocks.add(new Block.Paragraph("Each parameter below shows the value in force over the version's effective period"
                + (changedTerms.isEmpty() ? "; this version changes none of the template's terms."
                : "; where this version changes it, the template's value is shown beside it.")
                + (firstYear() == lastYear() ? "" : " One whose value changes between the performance years the period touches shows"
                + " each year's value, but a settlement does not change value within its period: it settles every day at the"
                + " values of its performance year (the facts' `performanceYear`), so a settlement of " + v.effectiveFrom() + " to " + v.effectiveTo() + " as performance year " + firstYear()
                + " settles all its days at " + firstYear() + "'s values and as performance year " + lastYear() + " at "
                + lastYear() + "'s, and a finding of the settlement names each value the other part of its period would have had.")));
    }

    private int firstYear() {
        return version.version().effectiveFrom().getYear();
    }

    private int lastYear() {
        return version.version().effectiveTo().getYear();
    }

    /**
     * A parameter's values as the document shows them: for a template, each value from the year it
     * takes effect; for a contract version, those in force in the performance years of its period
     * (one value, keyed by year 0, when they are all the same).
     */
    private java.util.SortedMap<Integer, Object> inForce(ParameterDeclaration p) {
        if (version == null) {
            return p.valuesByYear();
        }
        java.util.SortedMap<Integer, Object> byYear = new TreeMap<>();
        Object previous = null;
        for (int year = firstYear(); year <= lastYear(); year++) {
            if (p.valuesByYear().headMap(year + 1).isEmpty()) {
                continue;
            }
            Object value = p.valueIn(year);
            if (byYear.isEmpty() || !java.util.Objects.equals(value, previous)) {
                byYear.put(year, value);
            }
            previous = value;
        }
        if (byYear.size() == 1) {
            return new TreeMap<>(Map.of(0, byYear.get(byYear.firstKey())));
        }
        return new PerformanceYears(byYear);
    }

    /**
     * A version's values by the performance years of its period: each is the value of that year's
     * settlements, not of the days of that year in another year's settlement.
     */
    private static final class PerformanceYears extends TreeMap<Integer, Object> {
        PerformanceYears(java.util.SortedMap<Integer, Object> byYear) {
            super(byYear);
        }
    }

    /** Which clause feeds which: an arrow for each derived fact one clause produces and another consumes. */
    private void diagram() {
        blocks.add(new Block.Heading(2, "Which clause feeds which"));
        blocks.add(new Block.Paragraph("An arrow is a derived fact one clause's rules produce and another's consume "
                + "(from the concept descriptors, `rules/<area>/<concept>.concept.yaml`)."));
        StringBuilder mermaid = new StringBuilder("flowchart LR\n");
        List<List<String>> rows = new ArrayList<>();
        for (ClauseTemplate clause : template.clauses()) {
            mermaid.append("    ").append(node(clause)).append("[\"").append(clause.title()).append("\"]\n");
        }
        for (ClauseTemplate from : template.clauses()) {
            for (ClauseTemplate to : template.clauses()) {
                if (from == to) {
                    continue;
                }
                List<String> facts = new ArrayList<>(concepts.get(from.concept()).produces());
                facts.retainAll(concepts.get(to.concept()).consumes());
                if (!facts.isEmpty()) {
                    mermaid.append("    ").append(node(from)).append(" -->|").append(String.join(", ", facts)).append("| ")
                            .append(node(to)).append('\n');
                    rows.add(List.of(from.title(), String.join(", ", facts), to.title()));
                }
            }
        }
        blocks.add(new Block.Code("mermaid", mermaid.toString()));
        blocks.add(new Block.Table(List.of("clause", "derived facts", "feeds clause"), rows));
    }

    private static String node(ClauseTemplate clause) {
        return clause.id().replaceAll("[^A-Za-z0-9]", "_");
    }

    private void clause(int number, ClauseTemplate clause) {
        ConceptDescriptor concept = concepts.get(clause.concept());
        blocks.add(new Block.Heading(2, number + ". " + clause.title()));
        blocks.add(new Block.Paragraph("Concept `" + concept.name() + "`: " + concept.description()));
        List<String> changedHere = changedTermsOf(clause);
        if (changedHere.isEmpty()) {
            blocks.add(new Block.Quote(clause.text(), clause.source()));
        } else {
            // The clause's text names the template's values (a ladder's rungs, a corridor's edges): not this contract's words.
            blocks.add(new Block.Quote(clause.text(), "the template's text, in the template's terms; " + clause.source()));
            blocks.add(new Block.Paragraph("**" + capitalised(thisDocument()) + " changes terms of this clause**, so where the text above "
                    + "names their values, they are the template's: " + changedHere.stream().map(name -> "`" + name + "` is "
                            + changed(name) + " (the template's: " + show(inForce(template.term(name).orElseThrow())) + ")")
                            .collect(Collectors.joining("; ")) + "."));
        }
        blocks.add(new Block.Paragraph("Paid: " + concept.timing().paid() + "; its lines are "
                + concept.pool().word() + (concept.riskSharing() ? "; they are the IPA's share of gains or losses" : "")
                + (clause.requires().isEmpty() ? "." : "; it needs the period inputs " + String.join(", ", clause.requires()) + ".")));
        parameters(clause);
        for (String file : concept.ruleFiles()) {
            String text = ruleTexts.get(file);
            if (text == null) {
                throw new IllegalStateException("concept " + concept.name() + " names " + file + ", which is not under rules/");
            }
            if (file.endsWith(".dmn")) {
                decisionTables(file, text);
            } else {
                rules(file, text);
            }
        }
        goldenCasesOf(clause);
    }

    /** A changed term's value as the document settles with it, and from which year where the regulation set it before. */
    private String changed(String name) {
        return show(changedTerms.get(name)) + appliesFrom(name);
    }

    /**
     * Where the document's years begin before a changed term became negotiable, from when the change applies: " from
     * performance year 2016 (before it the regulation's value stands, which no contract changes: an evaluation of an
     * earlier year with this change is refused)", as an evaluation of such a year refuses it; else empty.
     */
    private String appliesFrom(String name) {
        Integer from = negotiableFrom(template, name).orElse(null);
        int firstYear = version == null ? template.firstYearSettled() : firstYear();
        if (from == null || firstYear >= from) {
            return "";
        }
        return " from performance year " + from + " (before it the regulation's value stands, which no contract changes:"
                + " an evaluation of an earlier year with this change is refused)";
    }

    /** The changed terms that are this clause's parameters or rungs of them ({@code name[rung].field}), in the changed table's order. */
    private List<String> changedTermsOf(ClauseTemplate clause) {
        Set<String> own = clause.parameters().stream().map(ParameterDeclaration::name).collect(Collectors.toSet());
        return changedTerms.keySet().stream().filter(name -> own.contains(name.contains("[") ? name.substring(0, name.indexOf('[')) : name))
                .toList();
    }

    /** What the document calls the contract whose terms differ from the template's. */
    private String thisDocument() {
        return version == null ? "this document" : "this version";
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private void parameters(ClauseTemplate clause) {
        if (clause.parameters().isEmpty()) {
            return;
        }
        blocks.add(new Block.Heading(3, "Parameters"));
        List<List<String>> rows = new ArrayList<>();
        List<ParameterDeclaration> detailed = new ArrayList<>();
        for (ParameterDeclaration p : clause.parameters()) {
            String value = show(inForce(p));
            if (changedTerms.containsKey(p.name())) {
                value = "**" + show(changedTerms.get(p.name())) + "**" + appliesFrom(p.name()) + " (changed; template: " + value + ")";
            }
            if (p.type() == ParameterType.SCALE || p.type() == ParameterType.MEASURE_GATES) {
                detailed.add(p);
                value = "see the table below";
            }
            rows.add(List.of("`" + p.name() + "`", value, p.unit(), p.type().word(), p.allowedInWords(),
                    concepts.limitsOf(clause.concept(), p.name()).map(ConceptLimits::sentence).orElse(""),
                    !p.negotiable() ? "no, set by regulation" : p.negotiableFrom() == null ? "yes"
                            : "from " + p.negotiableFrom() + " (set by regulation before)", p.description().strip(), p.source()));
        }
        blocks.add(new Block.Table(List.of("parameter", "value", "unit", "type", "allowed", "concept allows", "negotiable", "what it does",
                "source"), rows));
        // What a term may take is said here, so that a reviewer or negotiator need not learn it from a refusal.
        String descriptor = clause.parameters().stream().map(p -> concepts.limitsOf(clause.concept(), p.name())).flatMap(Optional::stream)
                .map(ConceptLimits::descriptor).findFirst().orElse(null);
        blocks.add(new Block.Paragraph(descriptor == null
                ? "An override must lie within **allowed** (the template's range or values); one outside it is refused."
                : "An override must lie within **allowed** (the template's range or values) and **concept allows** (what any contract "
                        + "of concept `" + clause.concept() + "` may mean, as `" + descriptor + "` declares it, which bounds every template "
                        + "too); one outside them is refused."));
        if (!clause.constraints().isEmpty()) {
            blocks.add(new Block.Paragraph("**Constraints** the terms must keep together: " + clause.constraints().stream()
                    .map(c -> constraintInCode(c) + (concepts.requires(clause.concept(), c) ? " (required of every clause of concept `"
                            + clause.concept() + "`)" : ""))
                    .collect(Collectors.joining("; ")) + "."));
        }
        for (ParameterDeclaration p : detailed) {
            if (changedTerms.containsKey(p.name())) {
                blocks.add(new Block.Paragraph("`" + p.name() + "`, **changed**" + appliesFrom(p.name()) + " (the template's follows):"));
                detailTable(p, changedTerms.get(p.name()), false);
            }
            inForce(p).forEach((year, value) -> {
                blocks.add(new Block.Paragraph("`" + p.name() + "`" + (changedTerms.containsKey(p.name()) ? " in the template" : "")
                        + (year == 0 ? "" : (version == null ? " from performance year " : " in performance year ") + year) + ":"));
                detailTable(p, value, !changedTerms.containsKey(p.name()));
            });
        }
    }

    /** A constraint's sentence with its parameters' names set as code, as the table sets them. */
    private static String constraintInCode(ClauseConstraint constraint) {
        String sentence = constraint.sentence();
        for (String name : constraint.parameters()) {
            sentence = sentence.replaceFirst("\\b" + Pattern.quote(name) + "\\b", Matcher.quoteReplacement("`" + name + "`"));
        }
        return sentence;
    }

    /**
     * A scale's rungs or a measure's gates as a table; with {@code rungEdits}, each rung field a
     * negotiator changed ({@code name[rung].field}) shown beside the template's.
     */
    private void detailTable(ParameterDeclaration p, Object value, boolean rungEdits) {
        if (p.type() == ParameterType.SCALE) {
            List<List<String>> rungs = new ArrayList<>();
            List<?> list = (List<?>) value;
            // A ladder's rungs have a threshold and a rate; a corridor's bands a threshold and the IPA's shares.
            List<String> fields = list.isEmpty() ? List.of() : ((Map<?, ?>) list.get(0)).keySet().stream().map(String::valueOf).toList();
            for (int r = 0; r < list.size(); r++) {
                Map<?, ?> rung = (Map<?, ?>) list.get(r);
                List<String> row = new ArrayList<>(List.of(String.valueOf(r)));
                for (String field : fields) {
                    String edit = p.name() + "[" + r + "]." + field;
                    row.add(rungEdits && changedTerms.containsKey(edit)
                            ? "**" + show(changedTerms.get(edit)) + "** (changed; template: " + show(rung.get(field)) + ")"
                            : show(rung.get(field)));
                }
                rungs.add(row);
            }
            List<String> headers = new ArrayList<>(List.of("rung (`" + p.name() + "[n]`)"));
            headers.addAll(fields);
            blocks.add(new Block.Table(headers, rungs));
        } else {
            List<List<String>> measures = new ArrayList<>();
            ((Map<?, ?>) value).forEach((measure, gate) -> {
                Map<?, ?> g = (Map<?, ?>) gate;
                measures.add(List.of(String.valueOf(measure), show(g.get("direction")), show(g.get("gates"))));
            });
            blocks.add(new Block.Table(List.of("measure", "direction", "gates (a point each)"), measures));
        }
    }

    private static final Pattern RULE_START = Pattern.compile("^rule \"([^\"]+)\"", Pattern.MULTILINE);

    /** A rule file: its header, then each rule verbatim below the paragraph it implements. */
    private void rules(String file, String text) {
        blocks.add(new Block.Heading(3, "Rules: `rules/" + file + "`"));
        Matcher start = RULE_START.matcher(text);
        int headerEnd = text.indexOf("package ");
        if (text.startsWith("/*") && headerEnd > 0) {
            blocks.add(new Block.Code("text", text.substring(0, headerEnd).strip()));
        }
        while (start.find()) {
            String name = start.group(1);
            int end = text.indexOf("\nend", start.start());
            String rule = text.substring(start.start(), end < 0 ? text.length() : end + 4);
            blocks.add(new Block.Heading(4, "Rule \"" + name + "\""));
            String paragraph = commentAbove(text, start.start());
            if (!paragraph.isEmpty()) {
                blocks.add(new Block.Quote(paragraph, "the paragraph this rule implements, as its file quotes it"));
            }
            blocks.add(new Block.Code("drools", rule));
        }
    }

    /** The {@code //} lines directly above a rule: the paragraph it implements. */
    private static String commentAbove(String text, int ruleStart) {
        String[] before = text.substring(0, ruleStart).split("\n", -1);
        List<String> comment = new ArrayList<>();
        for (int i = before.length - 2; i >= 0; i--) {
            String line = before[i].strip();
            if (!line.startsWith("//")) {
                break;
            }
            comment.add(0, line.substring(2).strip());
        }
        return String.join("\n", comment);
    }

    /** Each DMN decision table as a table: its question, hit policy, rows with their annotations. */
    private void decisionTables(String file, String xml) {
        blocks.add(new Block.Heading(3, "Decision table: `rules/" + file + "`"));
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            org.w3c.dom.Document dmn = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            NodeList descriptions = dmn.getDocumentElement().getElementsByTagNameNS("*", "description");
            if (descriptions.getLength() > 0) {
                blocks.add(new Block.Paragraph(descriptions.item(0).getTextContent().strip()));
            }
            NodeList tables = dmn.getElementsByTagNameNS("*", "decisionTable");
            for (int t = 0; t < tables.getLength(); t++) {
                Element table = (Element) tables.item(t);
                blocks.add(new Block.Paragraph("**" + table.getAttribute("outputLabel") + "** (hit policy "
                        + table.getAttribute("hitPolicy") + ")"));
                List<String> headers = new ArrayList<>(List.of("row"));
                children(table, "input").forEach(input -> headers.add(input.getAttribute("label")));
                children(table, "output").forEach(output -> headers.add(output.getAttribute("label")));
                children(table, "annotation").forEach(annotation -> headers.add(annotation.getAttribute("name")));
                List<List<String>> rows = new ArrayList<>();
                List<Element> rules = children(table, "rule");
                for (int r = 0; r < rules.size(); r++) {
                    List<String> row = new ArrayList<>(List.of(String.valueOf(r + 1)));
                    for (String entry : List.of("inputEntry", "outputEntry", "annotationEntry")) {
                        children(rules.get(r), entry).forEach(cell -> row.add(cell.getTextContent().strip()));
                    }
                    rows.add(row);
                }
                blocks.add(new Block.Table(headers, rows));
            }
        } catch (Exception e) {
            throw new IllegalStateException("decision table " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** The golden cases of this template in the clause's concept folder. */
    private void goldenCasesOf(ClauseTemplate clause) {
        List<String> items = new ArrayList<>();
        goldenCases.forEach((path, golden) -> {
            if (path.startsWith(clause.concept() + "/") && ofThisTemplate(golden)) {
                items.add("`" + path + "`: " + golden.path("description").asText());
            }
        });
        if (!items.isEmpty()) {
            blocks.add(new Block.Heading(3, "Golden cases that settle it"));
            blocks.add(new Block.Bullets(items));
        }
    }

    /** Every golden case settled on this template, with its derivation. */
    private void goldenCasesOfTheTemplate() {
        blocks.add(new Block.Heading(2, "Golden cases"));
        blocks.add(new Block.Paragraph("Cases of this template the test suite settles (`src/test/resources/golden/`), "
                + "each with the derivation of its amounts by hand."));
        Set<String> shown = new LinkedHashSet<>();
        goldenCases.forEach((path, golden) -> {
            if (!ofThisTemplate(golden) || !shown.add(path)) {
                return;
            }
            blocks.add(new Block.Heading(3, "`" + path + "`"));
            blocks.add(new Block.Paragraph(golden.path("description").asText()));
            List<String> derivation = new ArrayList<>();
            golden.path("derivation").forEach(step -> derivation.add(step.asText()));
            if (!derivation.isEmpty()) {
                blocks.add(new Block.Bullets(derivation));
            }
            JsonNode overrides = termsChangedBy(golden);
            if (overrides.size() > 0) {
                blocks.add(new Block.Paragraph("Terms changed: `" + overrides + "`"));
            }
        });
        if (shown.isEmpty()) {
            blocks.add(new Block.Paragraph("No golden case settles this template."));
        }
    }

    private boolean ofThisTemplate(JsonNode golden) {
        return template.id().equals(golden.path("given").path("template").asText());
    }

    private static JsonNode termsChangedBy(JsonNode golden) {
        return golden.path("given").path("changedTerms");
    }

    private static String show(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof java.util.SortedMap<?, ?> byYear && byYear.keySet().stream().allMatch(k -> k instanceof Integer)) {
            if (byYear.size() == 1 && Integer.valueOf(0).equals(byYear.firstKey())) {
                return show(byYear.get(0));
            }
            List<String> parts = new ArrayList<>();
            String each = byYear instanceof PerformanceYears ? "performance year " : "from ";
            byYear.forEach((year, v) -> parts.add(each + year + ": " + show(v)));
            return String.join("; ", parts);
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(e -> e instanceof Map)) {
            // A scale, rung by rung as its table numbers them: "rung 0: threshold 0.9, rate 0.25; rung 1: ...".
            List<String> rungs = new ArrayList<>();
            for (int r = 0; r < list.size(); r++) {
                rungs.add("rung " + r + ": " + show(list.get(r)));
            }
            return String.join("; ", rungs);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ContractDocument::show).toList().toString();
        }
        if (value instanceof Map<?, ?> fields) {
            List<String> parts = new ArrayList<>();
            fields.forEach((field, v) -> parts.add(field + " " + show(v)));
            return String.join(", ", parts);
        }
        return String.valueOf(value);
    }
}
