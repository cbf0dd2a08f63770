package org.accord.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.accord.content.Canonical;
import org.accord.content.ClasspathFolder;
import org.accord.content.ContentHash;
import org.accord.facts.FactDeclarations;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compiled rule sets: every {@code .drl} and {@code .dmn} file under {@code rules/}, compiled
 * with the executable model (the shipped set at build time, {@link PrecompiledRules}; others on
 * demand, {@link RuleBases}). Each file is identified by its SHA-256, and the rule base by
 * the hash of those (path, hash) pairs (docs/hashes.md), so a settlement names exactly the rules that
 * produced it. A contract settles on a KIE base of only the files its concepts need
 * ({@link #forConcepts}), made from the same compiled models: its settlement, rules hash included, is
 * the one the whole base would give.
 */
public final class RuleBase {

    public static final String FOLDER = "rules";

    private static final Logger LOG = LoggerFactory.getLogger(RuleBase.class);

    /**
     * Bases kept at once, by file set: one per distinct set of concepts among the contracts settled
     * (the shipped templates make about a dozen), each small beside the whole, and the whole one.
     */
    static final int SELECTIONS_KEPT = 32;

    // Every base, the whole one included, is built when first needed: a process whose contracts all
    // settle on bases of some files (the README's evaluate) never builds the whole one.
    private final Set<String> allFiles;
    private final DecisionTables decisionTables;
    private final Map<String, String> fileHashes;
    private final String hash;
    private final FactDeclarations factDeclarations;
    private final Models models;
    private final Optional<RuleFileIndex> index;
    private final RuleBases.Cache<Set<String>, RuleSelection> selections = new RuleBases.Cache<>(SELECTIONS_KEPT);

    private RuleBase(Set<String> allFiles, DecisionTables decisionTables, Map<String, String> fileHashes,
            FactDeclarations factDeclarations, Models models, Optional<RuleFileIndex> index) {
        this.allFiles = allFiles;
        this.decisionTables = decisionTables;
        this.fileHashes = fileHashes;
        this.hash = Canonical.hash(fileHashes);
        this.factDeclarations = factDeclarations;
        this.models = models;
        this.index = index;
    }

    /**
     * The rule files shipped on the classpath, from the rule base compiled with them at build time
     * ({@link PrecompiledRules}) when its recorded file hashes equal the files carried. Otherwise
     * (no precompiled base, as when the build step did not run, or files that differ from the
     * ones it compiled) the carried files are compiled here, with a warning: the settlement's
     * {@code rulesHash} must always name the files that produced it, and these are the files.
     */
    public static RuleBase load() {
        return load(ClasspathFolder.read(FOLDER), PrecompiledRules.onClasspath());
    }

    static RuleBase load(Map<String, byte[]> carried, Optional<PrecompiledRules> precompiled) {
        Map<String, String> hashes = fileHashes(ruleFiles(carried));
        if (precompiled.isEmpty()) {
            LOG.warn("no precompiled rule base on the classpath ({} is missing): compiling {}/ now, which takes seconds",
                    PrecompiledRules.HASHES, FOLDER);
            return compile(carried);
        }
        List<String> differing = differences(precompiled.get().fileHashes(), hashes);
        if (!differing.isEmpty()) {
            LOG.warn("the precompiled rule base was built from other rule files ({}): compiling the carried {}/ now",
                    String.join(", ", differing), FOLDER);
            return compile(carried);
        }
        return fromKjar(precompiled.get().kjar(), hashes);
    }

    /**
     * Compiles rule files given by path relative to {@code rules/}; only {@code .drl} and
     * {@code .dmn} files are rules. A file that does not compile fails with its path and line.
     */
    public static RuleBase compile(Map<String, byte[]> files) {
        Map<String, byte[]> ruleFiles = ruleFiles(files);
        // The same archive the build writes, opened the same way: a rule set behaves the same
        // whether it was compiled at build time or now.
        RuleBase compiled = fromKjar(compileToKjar(ruleFiles), fileHashes(ruleFiles));
        // The facts the rules may read are those declared beside them (facts.yaml, *.facts.yaml).
        return new RuleBase(compiled.allFiles, compiled.decisionTables, compiled.fileHashes, FactDeclarations.among(files),
                compiled.models, compiled.index);
    }

    /**
     * Compiles rule files as {@link #compile} does, into a KIE module archive (the executable
     * model's generated classes and the rule files) that {@link #fromKjar} opens.
     */
    static byte[] compileToKjar(Map<String, byte[]> files) {
        Map<String, byte[]> ruleFiles = ruleFiles(files);
        Map<String, String> hashes = fileHashes(ruleFiles);
        KieServices kie = KieServices.Factory.get();
        // The version carries the rule set's hash, so modules of different rule sets never mix.
        ReleaseId releaseId = kie.newReleaseId("org.accord", "accord-rules",
                "1.0.0-" + Canonical.hash(hashes).substring("sha256:".length(), "sha256:".length() + 16));
        KieFileSystem fileSystem = kie.newKieFileSystem();
        fileSystem.generateAndWritePomXML(releaseId);
        ruleFiles.forEach((path, bytes) -> fileSystem.write("src/main/resources/" + FOLDER + "/" + path, bytes));
        KieBuilder builder = kie.newKieBuilder(fileSystem).buildAll(ExecutableModelProject.class);
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            throw new RuleCompilationException(builder.getResults().getMessages(Message.Level.ERROR).stream()
                    .map(m -> m.getPath() + ":" + m.getLine() + ": " + m.getText())
                    .collect(Collectors.joining("\n")));
        }
        byte[] kjar = ((InternalKieModule) builder.getKieModule()).getBytes();
        // The builder also registered the module in KIE's process-wide repository: nothing reads it there.
        kie.getRepository().removeKieModule(releaseId);
        return kjar;
    }

    /**
     * Opens a compiled KIE module archive without compiling anything: the executable model's
     * classes are defined from the archive in a class loader of their own (rule sets of other
     * content generate classes of the same names) and the rule base is built from their models;
     * the DMN files it carries are read into the decision tables.
     */
    static RuleBase fromKjar(byte[] kjar, Map<String, String> fileHashes) {
        return fromKjar(kjar, fileHashes, null);
    }

    /**
     * As {@link #fromKjar(byte[], Map)}, with Drools rule-base properties, or null for Drools' defaults
     * (the shipped configuration); the A/B harness OptionsCpu tries options this way (issue 15).
     */
    static RuleBase fromKjar(byte[] kjar, Map<String, String> fileHashes, Properties options) {
        Map<String, byte[]> entries = CompiledModule.entries(kjar);
        CompiledModule.Loader loader = new CompiledModule.Loader(entries, RuleBase.class.getClassLoader());
        Map<String, byte[]> drlFiles = new TreeMap<>();
        List<Resource> decisionFiles = new ArrayList<>();
        entries.forEach((path, bytes) -> {
            if (path.startsWith(FOLDER + "/") && path.endsWith(".drl")) {
                drlFiles.put(path, bytes);
            }
            if (path.startsWith(FOLDER + "/") && path.endsWith(".dmn")) {
                decisionFiles.add(KieServices.Factory.get().getResources().newByteArrayResource(bytes).setSourcePath(path));
            }
        });
        // The decision tables are parsed and their FEEL compiled at every load, about as long as the
        // rest of the load together (issue 15: the command line's first settlement waits for both):
        // on a thread of their own, beside the models.
        CompletableFuture<DMNRuntime> dmn = CompletableFuture.supplyAsync(() -> DMNRuntimeBuilder.fromDefaults()
                .setRootClassLoader(loader).buildConfiguration()
                .fromResources(decisionFiles)
                .getOrElseThrow(e -> new RuleCompilationException("decision tables: " + e.getMessage())), RuleBase::decisionTablesLoader);
        Models models = new Models(loader, CompiledModule.modelClassNames(entries), options);
        List<Model> all = models.made();
        Optional<RuleFileIndex> index = RuleFileIndex.of(drlFiles, all);
        if (index.isEmpty()) {
            LOG.warn("the compiled rules' files cannot be told apart by their rules' names: every contract settles on all of them");
        }
        Set<String> allFiles = Collections.unmodifiableSet(new TreeSet<>(drlFiles.keySet()));
        return new RuleBase(allFiles, new DecisionTables(joined(dmn)), fileHashes, FactDeclarations.shipped(), models, index);
    }

    private static void decisionTablesLoader(Runnable load) {
        Thread loader = new Thread(load, "accord-decision-tables-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private static <T> T joined(CompletableFuture<T> value) {
        try {
            return value.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * The rules a contract with clauses of these concepts needs: a base of only the files with a rule
     * that can fire for it ({@link RuleFileIndex}), made on first use from the models already compiled
     * and kept per set of files; the whole base when that is all of them. Settled on either, a contract's
     * settlement is the same, byte for byte, and names this rule set's {@link #hash()}.
     */
    RuleSelection forConcepts(Set<String> concepts) {
        return index.isEmpty() ? whole() : selectionOf(index.get().filesFor(concepts));
    }

    /** The base of every rule file. */
    RuleSelection whole() {
        return selectionOf(allFiles);
    }

    private RuleSelection selectionOf(Set<String> files) {
        return selections.get(files, () -> new RuleSelection(files, models.kieBase(files.equals(allFiles) ? models.made()
                : models.made().stream().map(model -> RuleFileIndex.onlyFiles(model, index.get(), files)).toList())));
    }

    /** Which file each rule comes from and which concepts it needs, unless its files could not be told apart. */
    Optional<RuleFileIndex> index() {
        return index;
    }

    /**
     * The compiled module's executable models and how to make a KIE base of them. Each base gets models
     * made anew from the classes already defined (nothing is compiled), so no two bases share a rule's
     * model objects.
     */
    private record Models(CompiledModule.Loader loader, List<String> classNames, Properties options) {

        List<Model> made() {
            return classNames.stream().map(loader::newModel).toList();
        }

        KieBase kieBase(List<Model> models) {
            return KieBaseBuilder.createKieBaseFromModel(models, KieServices.Factory.get().newKieBaseConfiguration(options, loader));
        }
    }

    /** The rule files among files given by path relative to {@code rules/}, in path order. */
    static Map<String, byte[]> ruleFiles(Map<String, byte[]> files) {
        Map<String, byte[]> ruleFiles = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (path.endsWith(".drl") || path.endsWith(".dmn")) {
                ruleFiles.put(path, bytes);
            }
        });
        return ruleFiles;
    }

    /** SHA-256 of each rule file, keyed {@code rules/<path>} as settlements name them. */
    static Map<String, String> fileHashes(Map<String, byte[]> ruleFiles) {
        Map<String, String> hashes = new LinkedHashMap<>();
        new TreeMap<>(ruleFiles).forEach((path, bytes) -> hashes.put(FOLDER + "/" + path, ContentHash.of(bytes)));
        return Collections.unmodifiableMap(hashes);
    }

    private static List<String> differences(Map<String, String> compiled, Map<String, String> carried) {
        Set<String> paths = new TreeSet<>(compiled.keySet());
        paths.addAll(carried.keySet());
        return paths.stream().filter(path -> !Objects.equals(compiled.get(path), carried.get(path))).toList();
    }

    /** The base of every rule file. */
    KieBase kieBase() {
        return whole().kieBase();
    }

    public DecisionTables decisionTables() {
        return decisionTables;
    }

    /** The practice facts declared beside these rules: what evaluations' facts are checked against. */
    public FactDeclarations factDeclarations() {
        return factDeclarations;
    }

    /** SHA-256 of every rule file, by path. */
    public Map<String, String> fileHashes() {
        return fileHashes;
    }

    /** SHA-256 of the (path, file hash) pairs: the identity of this rule base. */
    public String hash() {
        return hash;
    }

    /** A rule file that did not compile: the message names each file and line. */
    public static final class RuleCompilationException extends RuntimeException {
        RuleCompilationException(String message) {
            super("rule files did not compile:\n" + message);
        }
    }
}
