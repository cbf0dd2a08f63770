package org.accord.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.drools.model.Model;

/** The parts of a compiled KIE module archive that opening a rule base needs. */
final class CompiledModule {

    private static final String MODEL_LIST = "/drools-model";

    private CompiledModule() {
    }

    static Map<String, byte[]> entries(byte[] archive) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    entries.put(entry.getName(), zip.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the compiled rule module cannot be read", e);
        }
        return entries;
    }

    /** The executable model's classes the archive lists ({@code META-INF/kie/<group>/<artifact>/drools-model}). */
    static List<String> modelClassNames(Map<String, byte[]> entries) {
        List<String> names = entries.entrySet().stream()
                .filter(e -> e.getKey().startsWith("META-INF/kie/") && e.getKey().endsWith(MODEL_LIST))
                .flatMap(e -> new String(e.getValue(), StandardCharsets.UTF_8).lines())
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("Drools-Model-Version:"))
                .toList();
        if (names.isEmpty()) {
            throw new IllegalStateException("the compiled rule module lists no executable model");
        }
        return names;
    }

    /** Defines the archive's classes on first use; everything else comes from the application. */
    static final class Loader extends ClassLoader {

        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> entries;

        Loader(Map<String, byte[]> entries, ClassLoader parent) {
            super("accord-rules", parent);
            this.entries = entries;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = entries.get(name.replace('.', '/') + ".class");
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        public java.io.InputStream getResourceAsStream(String name) {
            byte[] bytes = entries.get(name);
            return bytes != null ? new ByteArrayInputStream(bytes) : super.getResourceAsStream(name);
        }

        Model newModel(String className) {
            try {
                return (Model) loadClass(className).getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the compiled rule module's model " + className + " cannot be made", e);
            }
        }
    }
}
