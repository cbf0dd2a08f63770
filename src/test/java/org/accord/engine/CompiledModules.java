package org.accord.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** For A/B tools outside the engine's package: another rule set's compiled module opened as the build's is. */
public final class CompiledModules {

    private CompiledModules() {
    }

    /** A copy of target/classes/compiled-rules (its rules.kjar and rule-files.sha256) built from other rules. */
    public static RuleBase open(Path dir) throws IOException {
        return RuleBase.fromKjar(Files.readAllBytes(dir.resolve("rules.kjar")),
                PrecompiledRules.parseHashes(Files.readString(dir.resolve("rule-files.sha256"))));
    }
}
