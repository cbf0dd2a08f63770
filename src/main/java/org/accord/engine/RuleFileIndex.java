package org.accord.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.model.AlphaIndex;
import org.drools.model.Condition;
import org.drools.model.Constraint;
import org.drools.model.Declaration;
import org.drools.model.DomainClassMetadata;
import org.drools.model.Index;
import org.drools.model.Model;
import org.drools.model.Rule;
import org.drools.model.SingleConstraint;

/**
 * Which rule file each compiled rule comes from, and the clause concepts it needs (issue 15). A rule
 * whose conditions match a clause of a concept ({@code Clause( concept == "withhold", ... )}, a
 * pattern of the rule's own, not under a {@code not}, an {@code or} or an {@code accumulate}) fires
 * only for a contract with such a clause. A contract needs the files with at least one rule whose
 * concepts it has; a rule that names no concept (the IPA's totals, the compared cost) makes its file
 * needed by every contract. The rest of the files cannot fire for the contract, so a rule base
 * without them settles it the same, without passing its facts through their joins.
 *
 * <p>Rules are matched to their files by the names the files declare (a rule's name is unique in its
 * package): the executable model does not record a rule's file.
 */
final class RuleFileIndex {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Each rule file, {@code rules/<path>}, with the concepts each of its rules needs. */
    private final Map<String, List<Set<String>>> conceptsByFile;
    /** The file of each rule, by package and name. */
    private final Map<String, String> fileByRule;

    private RuleFileIndex(Map<String, List<Set<String>>> conceptsByFile, Map<String, String> fileByRule) {
        this.conceptsByFile = conceptsByFile;
        this.fileByRule = fileByRule;
    }

    /**
     * The index of these models' rules, their files given as {@code rules/<path>} to text; empty when a
     * rule's file cannot be told (a name no file declares, or that two files of its package declare):
     * every contract then settles on the whole rule base.
     */
    static Optional<RuleFileIndex> of(Map<String, byte[]> drlFiles, List<Model> models) {
        Map<String, String> fileByRule = new TreeMap<>();
        Set<String> declaredTwice = new TreeSet<>();
        drlFiles.forEach((path, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            Matcher pkg = PACKAGE.matcher(text);
            String packageName = pkg.find() ? pkg.group(1) : "";
            Matcher rule = RULE.matcher(text);
            while (rule.find()) {
                String other = fileByRule.put(packageName + "." + rule.group(1).replace("\\\"", "\""), path);
                if (other != null && !other.equals(path)) {
                    declaredTwice.add(packageName + "." + rule.group(1));
                }
            }
        });
        Map<String, List<Set<String>>> conceptsByFile = new TreeMap<>();
        drlFiles.keySet().forEach(path -> conceptsByFile.put(path, new ArrayList<>()));
        for (Model model : models) {
            for (Rule rule : model.getRules()) {
                String file = fileByRule.get(rule.getFullName());
                if (file == null || declaredTwice.contains(rule.getFullName())) {
                    return Optional.empty();
                }
                conceptsByFile.get(file).add(conceptsNeeded(rule));
            }
        }
        return Optional.of(new RuleFileIndex(Collections.unmodifiableMap(conceptsByFile), fileByRule));
    }

    /** The rule files a contract with clauses of these concepts needs, {@code rules/<path>} in path order. */
    Set<String> filesFor(Set<String> concepts) {
        Set<String> files = new TreeSet<>();
        conceptsByFile.forEach((file, rules) -> {
            if (rules.stream().anyMatch(concepts::containsAll)) {
                files.add(file);
            }
        });
        return Collections.unmodifiableSet(files);
    }

    /** The file the rule comes from, {@code rules/<path>}. */
    String fileOf(Rule rule) {
        return fileByRule.get(rule.getFullName());
    }

    /** For each file, the concepts each of its rules needs (tests show them). */
    Map<String, List<Set<String>>> conceptsByFile() {
        return conceptsByFile;
    }

    /**
     * The concepts of the clauses the rule's own patterns match ({@code Clause( concept == "x" )} among
     * the conditions all of which must hold). Patterns under {@code not}, {@code exists}, {@code or}
     * or an {@code accumulate}, and patterns over objects {@code from} elsewhere, need no clause of
     * the contract: they add nothing.
     */
    static Set<String> conceptsNeeded(Rule rule) {
        Set<String> concepts = new TreeSet<>();
        Condition view = rule.getView();
        if (view.getType() != Condition.Type.AND) {
            return concepts;
        }
        for (Condition condition : view.getSubConditions()) {
            if (condition.getType() == Condition.Type.PATTERN && condition instanceof org.drools.model.Pattern<?> pattern
                    && pattern.getPatternVariable().getType() == Clause.class
                    && pattern.getPatternVariable() instanceof Declaration<?> declaration && declaration.getSource() == null) {
                DomainClassMetadata metadata = pattern.getPatternClassMetadata();
                if (metadata != null) {
                    conceptEquals(pattern.getConstraint(), metadata.getPropertyIndex("concept")).ifPresent(concepts::add);
                }
            }
        }
        return Collections.unmodifiableSet(concepts);
    }

    /** The concept a clause's constraint requires it to equal, if its conditions (all of which must hold) include one. */
    private static Optional<String> conceptEquals(Constraint constraint, int conceptProperty) {
        if (constraint instanceof SingleConstraint single) {
            return single.getIndex() instanceof AlphaIndex<?, ?> index && index.getConstraintType() == Index.ConstraintType.EQUAL
                    && index.getIndexId() == conceptProperty && index.getRightValue() instanceof String concept
                    ? Optional.of(concept) : Optional.empty();
        }
        if (constraint.getType() == Constraint.Type.MULTIPLE || constraint.getType() == Constraint.Type.AND) {
            for (Constraint child : constraint.getChildren()) {
                Optional<String> concept = conceptEquals(child, conceptProperty);
                if (concept.isPresent()) {
                    return concept;
                }
            }
        }
        return Optional.empty();
    }

    /** The models' rules of these files only; everything else (globals, declared types) as the models have it. */
    static Model onlyFiles(Model model, RuleFileIndex index, Set<String> files) {
        List<Rule> rules = model.getRules().stream().filter(rule -> files.contains(index.fileOf(rule))).toList();
        return new Model() {
            @Override
            public String getName() {
                return model.getName();
            }

            @Override
            public String getPackageName() {
                return model.getPackageName();
            }

            @Override
            public List<org.drools.model.Global> getGlobals() {
                return model.getGlobals();
            }

            @Override
            public List<Rule> getRules() {
                return rules;
            }

            @Override
            public List<org.drools.model.Query> getQueries() {
                return model.getQueries();
            }

            @Override
            public List<org.drools.model.TypeMetaData> getTypeMetaDatas() {
                return model.getTypeMetaDatas();
            }

            @Override
            public List<org.drools.model.EntryPoint> getEntryPoints() {
                return model.getEntryPoints();
            }
        };
    }
}
