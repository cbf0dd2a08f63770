package org.accord.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The shipped rule files compiled at build time: the build runs {@link #main} after the classes
 * are compiled ({@code process-classes}), which compiles the {@code rules/} folder the jar carries
 * with the executable model and writes, beside it on the classpath, the compiled KIE module
 * ({@value #KJAR}) and the SHA-256 of every file it compiled ({@value #HASHES}). At start
 * {@link RuleBase#load()} opens that module instead of compiling, once it has checked that those
 * hashes are the hashes of the rule files it carries.
 */
public record PrecompiledRules(Map<String, String> fileHashes, byte[] kjar) {

    static final String FOLDER = "compiled-rules";
    static final String KJAR = FOLDER + "/rules.kjar";
    static final String HASHES = FOLDER + "/rule-files.sha256";

    /**
     * The build step: {@code PrecompiledRules <classes directory>} compiles
     * {@code <classes directory>/rules} into {@code <classes directory>/compiled-rules}. Files
     * already compiled from the same rule files are left as they are.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PrecompiledRules <classes directory>");
        }
        Path classes = Path.of(args[0]);
        Map<String, byte[]> ruleFiles = RuleBase.ruleFiles(readDirectory(classes.resolve(RuleBase.FOLDER)));
        Map<String, String> hashes = RuleBase.fileHashes(ruleFiles);
        String hashText = hashText(hashes);
        Path hashFile = classes.resolve(HASHES);
        Path kjarFile = classes.resolve(KJAR);
        if (upToDate(classes, kjarFile, hashFile, hashText)) {
            System.out.println("precompiled rules are up to date: " + classes.resolve(FOLDER));
            return;
        }
        long start = System.nanoTime();
        byte[] kjar = RuleBase.compileToKjar(ruleFiles);
        Files.createDirectories(kjarFile.getParent());
        Files.write(kjarFile, kjar);
        // Written last: a build stopped half way leaves no hash file, so nothing stale is trusted.
        Files.writeString(hashFile, hashText);
        System.out.printf("precompiled %d rule files into %s in %.1f s%n", hashes.size(), kjarFile, (System.nanoTime() - start) / 1e9);
        // Drools may leave non-daemon threads behind; the build step is done.
        System.exit(0);
    }

    /** Made from the same rule files, after the classes that compile them last changed. */
    private static boolean upToDate(Path classes, Path kjarFile, Path hashFile, String hashText) throws IOException {
        if (!Files.isRegularFile(kjarFile) || !Files.isRegularFile(hashFile) || !Files.readString(hashFile).equals(hashText)) {
            return false;
        }
        for (Class<?> compiler : new Class<?>[] {RuleBase.class, PrecompiledRules.class}) {
            Path classFile = classes.resolve(compiler.getName().replace('.', '/') + ".class");
            if (!Files.isRegularFile(classFile) || Files.getLastModifiedTime(classFile).compareTo(Files.getLastModifiedTime(hashFile)) > 0) {
                return false;
            }
        }
        return true;
    }

    /** The precompiled rule base the jar carries, if the build made one. */
    static Optional<PrecompiledRules> onClasspath() {
        ClassLoader loader = PrecompiledRules.class.getClassLoader();
        try (InputStream hashes = loader.getResourceAsStream(HASHES); InputStream kjar = loader.getResourceAsStream(KJAR)) {
            if (hashes == null || kjar == null) {
                return Optional.empty();
            }
            return Optional.of(new PrecompiledRules(parseHashes(new String(hashes.readAllBytes(), StandardCharsets.UTF_8)),
                    kjar.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line per rule file, in path order: {@code sha256:<hex> rules/<path>}, as sha256sum would write it. */
    static String hashText(Map<String, String> fileHashes) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(fileHashes).forEach((path, hash) -> text.append(hash).append(' ').append(path).append('\n'));
        return text.toString();
    }

    static Map<String, String> parseHashes(String text) {
        Map<String, String> hashes = new LinkedHashMap<>();
        text.lines().filter(line -> !line.isBlank()).forEach(line -> {
            int space = line.indexOf(' ');
            if (space < 0) {
                throw new IllegalStateException(HASHES + " has a line without a path: " + line);
            }
            hashes.put(line.substring(space + 1), line.substring(0, space));
        });
        return hashes;
    }

    private static Map<String, byte[]> readDirectory(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
