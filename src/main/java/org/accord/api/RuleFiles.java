package org.accord.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.accord.api.generated.model.RuleBaseListing;
import org.accord.api.generated.model.RuleFile;
import org.accord.content.ClasspathFolder;
import org.accord.content.ContentHash;
import org.accord.engine.RuleBase;

/**
 * The rule files as compiled, for reviewers: listed with the hashes the rule base computed, and
 * read from the same classpath folder. Only files the rule base knows are ever served, so no path
 * reaches the file system.
 */
final class RuleFiles {

    /** Path segments of letters, digits, dots, dashes and underscores; no "..", no empty segment. */
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    /** The API document's maxLength of a rule path. */
    private static final int MAX_PATH_LENGTH = 300;

    private final RuleBaseListing listing;
    private final Map<String, String> texts;

    private RuleFiles(RuleBaseListing listing, Map<String, String> texts) {
        this.listing = listing;
        this.texts = texts;
    }

    static RuleFiles of(RuleBase rules) {
        String prefix = RuleBase.FOLDER + "/";
        Map<String, byte[]> shipped = ClasspathFolder.read(RuleBase.FOLDER);
        Map<String, String> texts = new TreeMap<>();
        RuleBaseListing listing = new RuleBaseListing(rules.hash(), new java.util.ArrayList<>());
        rules.fileHashes().forEach((path, hash) -> {
            String relative = path.substring(prefix.length());
            byte[] bytes = shipped.get(relative);
            if (bytes == null || !ContentHash.of(bytes).equals(hash)) {
                throw new IllegalStateException("rule file " + path + " on the classpath is not the one compiled");
            }
            texts.put(relative, new String(bytes, StandardCharsets.UTF_8));
            listing.addFilesItem(new RuleFile(relative, relative.substring(relative.lastIndexOf('.') + 1), hash));
        });
        return new RuleFiles(listing, Map.copyOf(texts));
    }

    RuleBaseListing listing() {
        return listing;
    }

    /** Whether a requested path is a plain relative path that cannot climb out of {@code rules/}. */
    static boolean isSafe(String path) {
        return path.length() <= MAX_PATH_LENGTH && SAFE_PATH.matcher(path).matches() && !path.contains("..");
    }

    Optional<String> text(String path) {
        return Optional.ofNullable(texts.get(path));
    }
}
