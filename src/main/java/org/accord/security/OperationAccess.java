package org.accord.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Which roles may run each operation of the API document, from one table
 * ({@code security/operation-roles.yaml}: operationId to roles). Every operation of the document
 * must have a decision and every decision must name an operation of the document: the service
 * refuses to start otherwise, so a new operation cannot be served before someone decides who may
 * call it.
 */
public final class OperationAccess {

    public static final String API_DOCUMENT = "static/api-spec/accord.yaml";
    public static final String TABLE = "security/operation-roles.yaml";

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /**
     * An operation of the document, where it is served, who may call it and whether each call goes
     * to the audit log (the document marks it {@code x-audited: true}) and whether it is heavy work,
     * run only so many at once ({@code x-heavy: true}).
     */
    public record Operation(String operationId, String method, String path, Set<Role> roles, boolean audited, boolean heavy) {
    }

    private final List<Operation> operations;

    private OperationAccess(List<Operation> operations) {
        this.operations = List.copyOf(operations);
    }

    /** The document and the table as shipped on the class path. */
    public static OperationAccess load() {
        ClassLoader loader = OperationAccess.class.getClassLoader();
        try (InputStream document = loader.getResourceAsStream(API_DOCUMENT); InputStream table = loader.getResourceAsStream(TABLE)) {
            if (document == null || table == null) {
                throw new IllegalStateException("missing on the class path: " + (document == null ? API_DOCUMENT : TABLE));
            }
            return of(document, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path every operation's path is under: the first server's, which is absolute for generated clients (http://{host}/api/v1). */
    public static String basePath(JsonNode apiDocument) {
        return apiDocument.path("servers").path(0).path("url").asString("").replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://[^/]*", "");
    }

    static OperationAccess of(InputStream document, InputStream table) {
        JsonNode api = YAML.readTree(document);
        Map<String, Set<Role>> decisions = decisions(YAML.readTree(table));
        String base = basePath(api);
        List<Operation> operations = new ArrayList<>();
        Set<String> undecided = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                String operationId = method.getValue().path("operationId").asString(null);
                if (operationId == null || !decisions.containsKey(operationId)) {
                    undecided.add(operationId != null ? operationId : method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                    continue;
                }
                operations.add(new Operation(operationId, method.getKey().toUpperCase(Locale.ROOT), base + path.getKey(),
                        decisions.get(operationId), method.getValue().path("x-audited").asBoolean(false),
                        method.getValue().path("x-heavy").asBoolean(false)));
            }
        }
        if (!undecided.isEmpty()) {
            throw new IllegalStateException("no access decision in " + TABLE + " for " + undecided);
        }
        Set<String> unknown = new TreeSet<>(decisions.keySet());
        operations.forEach(operation -> unknown.remove(operation.operationId()));
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(TABLE + " decides for operations the API document does not have: " + unknown);
        }
        return new OperationAccess(operations);
    }

    private static Map<String, Set<Role>> decisions(JsonNode table) {
        Map<String, Set<Role>> decisions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : table.properties()) {
            if (!entry.getValue().isArray() || entry.getValue().isEmpty()) {
                throw new IllegalStateException(TABLE + ": " + entry.getKey() + " must list at least one role");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (JsonNode role : entry.getValue()) {
                try {
                    roles.add(Role.named(role.asString()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(TABLE + ": " + entry.getKey() + " names an unknown role '" + role.asString() + "'", e);
                }
            }
            decisions.put(entry.getKey(), roles);
        }
        return decisions;
    }

    public List<Operation> operations() {
        return operations;
    }
}
