package org.accord.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.accord.content.Canonical;
import org.accord.content.ClasspathFolder;
import org.accord.content.ContentHash;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieRuntimeFactory;
import org.kie.dmn.api.core.DMNRuntime;

/**
 * The compiled rule sets: every {@code .drl} and {@code .dmn} file under {@code rules/}, compiled
 * once with the executable model. Each file is identified by its SHA-256, and the rule base by
 * the hash of those (path, hash) pairs (docs/hashes.md), so a settlement names exactly the rules that
 * produced it.
 */
public final class RuleBase {

    public static final String FOLDER = "rules";

    private final KieBase kieBase;
    private final DecisionTables decisionTables;
    private final Map<String, String> fileHashes;
    private final String hash;

    private RuleBase(KieBase kieBase, DecisionTables decisionTables, Map<String, String> fileHashes) {
        this.kieBase = kieBase;
        this.decisionTables = decisionTables;
        this.fileHashes = fileHashes;
        this.hash = Canonical.hash(fileHashes);
    }

    /** Compiles the rule files shipped on the classpath. */
    public static RuleBase load() {
        return compile(ClasspathFolder.read(FOLDER));
    }

    /**
     * Compiles rule files given by path relative to {@code rules/}; only {@code .drl} and
     * {@code .dmn} files are rules. A file that does not compile fails with its path and line.
     */
    public static RuleBase compile(Map<String, byte[]> files) {
        Map<String, byte[]> ruleFiles = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (path.endsWith(".drl") || path.endsWith(".dmn")) {
                ruleFiles.put(path, bytes);
            }
        });
        Map<String, String> hashes = new LinkedHashMap<>();
        ruleFiles.forEach((path, bytes) -> hashes.put(FOLDER + "/" + path, ContentHash.of(bytes)));

        KieServices kie = KieServices.Factory.get();
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
        KieContainer container = kie.newKieContainer(releaseId);
        KieBase base = container.getKieBase();
        DMNRuntime dmn = KieRuntimeFactory.of(base).get(DMNRuntime.class);
        return new RuleBase(base, new DecisionTables(dmn), Collections.unmodifiableMap(hashes));
    }

    KieBase kieBase() {
        return kieBase;
    }

    public DecisionTables decisionTables() {
        return decisionTables;
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
