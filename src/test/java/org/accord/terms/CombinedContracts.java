package org.accord.terms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.accord.content.ContentHash;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Contracts that combine clause families, as test fixtures: {@code src/test/resources/combinations/*.yaml}
 * each lists the shipped templates' clauses it takes ({@code from}, {@code ids}) and the declared values
 * it changes ({@code values}), so a combination reuses the shipped clauses word for word instead of
 * copying them. The result is checked as a shipped template is (parameters declared once, constraints).
 */
public final class CombinedContracts {

    public static final Path FOLDER = Path.of("src/test/resources/combinations");

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** The id of every template shipped in contract-templates/ (each file is named for its id), in id order. */
    public static List<String> shippedTemplateIds() {
        try (Stream<Path> files = Files.list(Path.of("contract-templates"))) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".yaml"))
                    .map(name -> name.substring(0, name.length() - ".yaml".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CombinedContracts() {
    }

    /** Every combination, by file name without its extension. */
    public static Map<String, ContractTemplate> all(TemplateCatalog shipped) {
        Map<String, ContractTemplate> combined = new TreeMap<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String id = file.getFileName().toString().replace(".yaml", "");
                combined.put(id, compose(id, Files.readAllBytes(file), shipped));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return combined;
    }

    @SuppressWarnings("unchecked")
    static ContractTemplate compose(String id, byte[] yaml, TemplateCatalog shipped) {
        Map<String, Object> doc = YAML.readValue(yaml, Map.class);
        Map<String, Object> values = (Map<String, Object>) doc.getOrDefault("values", Map.of());
        List<ClauseTemplate> clauses = new ArrayList<>();
        for (Map<String, Object> part : (List<Map<String, Object>>) doc.get("clauses")) {
            ContractTemplate from = shipped.find((String) part.get("from"))
                    .orElseThrow(() -> new IllegalStateException(id + ": no template " + part.get("from")));
            for (String clauseId : (List<String>) part.get("ids")) {
                clauses.add(from.clauses().stream().filter(c -> c.id().equals(clauseId)).findFirst()
                        .orElseThrow(() -> new IllegalStateException(id + ": " + from.id() + " has no clause " + clauseId)));
            }
        }
        Set<String> clauseIds = new HashSet<>();
        Set<String> parameters = new HashSet<>();
        for (ClauseTemplate clause : clauses) {
            if (!clauseIds.add(clause.id())) {
                throw new IllegalStateException(id + ": clause " + clause.id() + " is taken twice");
            }
            clause.parameters().forEach(p -> {
                if (!parameters.add(p.name())) {
                    throw new IllegalStateException(id + ": parameter " + p.name() + " is declared by two clauses");
                }
            });
        }
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(parameters);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(id + ": values for parameters no clause declares: " + unknown);
        }
        List<ClauseTemplate> adapted = clauses.stream().map(c -> adapt(c, values, clauseIds)).toList();
        ContractTemplate template = new ContractTemplate(id, "test", (String) doc.get("description"),
                "test fixture", (String) doc.get("description"), "src/test/resources/combinations/" + id + ".yaml",
                adapted, ContentHash.of(yaml));
        TemplateCatalog.checkConstraints(template, template.source());
        return template;
    }

    /** The clause with the fixture's values in place of the declared ones; a clause-naming choice may name any clause here. */
    private static ClauseTemplate adapt(ClauseTemplate clause, Map<String, Object> values, Set<String> clauseIds) {
        Set<String> namingClauses = new HashSet<>();
        clause.constraints().stream().filter(c -> c.kind() == ClauseConstraint.Kind.NAMES_A_CLAUSE)
                .forEach(c -> namingClauses.addAll(c.parameters()));
        List<ParameterDeclaration> parameters = new ArrayList<>();
        for (ParameterDeclaration p : clause.parameters()) {
            List<String> allowed = p.allowedValues();
            if (namingClauses.contains(p.name())) {
                allowed = new ArrayList<>(clauseIds.stream().sorted().toList());
                allowed.add(ClauseConstraint.NO_CLAUSE);
            }
            ParameterDeclaration declared = new ParameterDeclaration(p.name(), p.type(), p.unit(), p.description(), p.source(),
                    p.minimum(), p.maximum(), List.copyOf(allowed), p.valuesByYear(), p.negotiable());
            if (values.containsKey(p.name())) {
                declared = new ParameterDeclaration(p.name(), p.type(), p.unit(), p.description(), p.source(), p.minimum(),
                        p.maximum(), declared.allowedValues(), new TreeMap<>(Map.of(0, declared.accept(values.get(p.name())))), p.negotiable());
            }
            parameters.add(declared);
        }
        return new ClauseTemplate(clause.id(), clause.concept(), clause.title(), clause.text(), clause.source(),
                clause.requires(), List.copyOf(parameters), clause.constraints());
    }
}
