package org.accord.engine;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.accord.content.Canonical;

/**
 * Where rule bases come from. The shipped rules are loaded once per process ({@link #builtIn()},
 * precompiled at build time); any other rule set, such as rule files stored by hash and replayed
 * years later, is compiled on demand through one bounded cache keyed by the rule set's content
 * hash ({@link #forSources}), so a rule set asked for again is not compiled again.
 */
public final class RuleBases {

    /** Rule sets other than the shipped one kept compiled; each holds its own generated classes. */
    static final int CACHED_RULE_SETS = 8;

    private static final CompletableFuture<RuleBase> BUILT_IN = new CompletableFuture<>();
    private static volatile boolean builtInStarted;
    private static final Cache<String, RuleBase> OTHERS = new Cache<>(CACHED_RULE_SETS);

    private RuleBases() {
    }

    /**
     * Starts loading the shipped rules on a background thread and returns at once, so that a
     * command can read and check its input meanwhile; {@link #builtIn()} then waits for it.
     */
    public static void preload() {
        if (startBuiltIn()) {
            Thread loader = new Thread(RuleBases::loadBuiltIn, "accord-rules-loader");
            loader.setDaemon(true);
            loader.start();
        }
    }

    /**
     * Starts making, on a background thread, the base of the shipped rules that contracts of these
     * clause concepts settle on ({@link RuleBase#forConcepts}), and returns at once: a command that
     * knows its contract before it has read its facts has that base made meanwhile, instead of
     * after, on the thread that settles. A settlement asking for the base before it is made waits
     * for the same one; should making it fail, the settlement makes it again and reports the error.
     */
    public static void prepare(Set<String> concepts) {
        Set<String> wanted = Set.copyOf(concepts);
        Thread maker = new Thread(() -> {
            try {
                builtIn().forConcepts(wanted);
            } catch (RuntimeException e) {
                // The settlement that needs this base makes it again and reports what went wrong.
            }
        }, "accord-rules-for-contract");
        maker.setDaemon(true);
        maker.start();
    }

    /** The shipped rules, loaded once per process (on this thread, unless {@link #preload()} started it). */
    public static RuleBase builtIn() {
        if (startBuiltIn()) {
            loadBuiltIn();
        }
        try {
            return BUILT_IN.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /**
     * The rule base of the given rule files, by path (as a settlement names them,
     * {@code rules/payment/shared-savings.drl}, or relative to {@code rules/}) and text; only
     * {@code .drl} and {@code .dmn} files count. The shipped rule set is answered by
     * {@link #builtIn()}; another is compiled once and kept while it is among the
     * {@value #CACHED_RULE_SETS} most recently used.
     *
     * @throws RuleBase.RuleCompilationException naming each file and line that did not compile
     */
    public static RuleBase forSources(Map<String, String> pathToText) {
        Map<String, byte[]> files = new TreeMap<>();
        pathToText.forEach((path, text) -> {
            String relative = path.startsWith(RuleBase.FOLDER + "/") ? path.substring(RuleBase.FOLDER.length() + 1) : path;
            if (files.put(relative, text.getBytes(StandardCharsets.UTF_8)) != null) {
                throw new IllegalArgumentException("rule file '" + relative + "' is given twice");
            }
        });
        String hash = Canonical.hash(RuleBase.fileHashes(RuleBase.ruleFiles(files)));
        RuleBase builtIn = builtIn();
        return hash.equals(builtIn.hash()) ? builtIn : OTHERS.get(hash, () -> RuleBase.compile(files));
    }

    private static synchronized boolean startBuiltIn() {
        if (builtInStarted) {
            return false;
        }
        builtInStarted = true;
        return true;
    }

    private static void loadBuiltIn() {
        try {
            BUILT_IN.complete(RuleBase.load());
        } catch (RuntimeException | Error e) {
            BUILT_IN.completeExceptionally(e);
        }
    }

    /**
     * The least recently used of what is costly to make (rule bases by content hash, a rule base's
     * bases of some of its files by file set). A value asked for by several threads at once is made
     * once; one that fails to be made is not kept, so a later request sees the error again rather than
     * a remembered failure.
     */
    static final class Cache<K, V> {

        private final int capacity;
        private final LinkedHashMap<K, CompletableFuture<V>> values;

        Cache(int capacity) {
            this.capacity = capacity;
            this.values = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<K, CompletableFuture<V>> eldest) {
                    return size() > Cache.this.capacity;
                }
            };
        }

        V get(K key, Supplier<? extends V> make) {
            CompletableFuture<V> value;
            boolean makeHere;
            synchronized (this) {
                value = values.get(key);
                makeHere = value == null;
                if (makeHere) {
                    value = new CompletableFuture<>();
                    values.put(key, value);
                }
            }
            if (makeHere) {
                try {
                    value.complete(make.get());
                } catch (RuntimeException | Error e) {
                    synchronized (this) {
                        values.remove(key, value);
                    }
                    value.completeExceptionally(e);
                }
            }
            try {
                return value.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }

        synchronized int size() {
            return values.size();
        }
    }
}
