package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.accord.security.OperationAccess;
import org.accord.testing.TestKeys;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every role against every operation of api-spec/accord.yaml, as the operation table decides:
 * an allowed role gets past security (its empty request is then refused for what it is, never
 * with 401 or 403); a denied one gets a 403 problem; no credential gets a 401 problem. The
 * operations come from the document, so an operation added without a decision fails here (and
 * the service would not start).
 */
class OperationRolesTest extends ServerTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final List<String> ROLES = List.of("negotiator", "integrator", "reviewer", "admin");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    record Operation(String id, String method, String path, String contentType) {
    }

    static List<Operation> operations() throws IOException {
        JsonNode document = YAML.readTree(Files.readString(Path.of("api-spec/accord.yaml")));
        String base = OperationAccess.basePath(document);
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (METHODS.contains(method.getKey())) {
                    JsonNode content = method.getValue().at("/requestBody/content");
                    String contentType = content.isObject() ? content.propertyNames().iterator().next() : null;
                    operations.add(new Operation(method.getValue().get("operationId").asString(),
                            method.getKey().toUpperCase(Locale.ROOT), base + path.getKey().replaceAll("\\{[^}]+}", "x"), contentType));
                }
            }
        }
        return operations;
    }

    static JsonNode table() throws IOException {
        try (InputStream table = OperationRolesTest.class.getResourceAsStream("/security/operation-roles.yaml")) {
            return YAML.readTree(table);
        }
    }

    @Test
    void everyOperationOfTheDocumentHasADecisionAndEveryDecisionAnOperation() throws IOException {
        Set<String> documented = new TreeSet<>(operations().stream().map(Operation::id).toList());
        Set<String> decided = new TreeSet<>(table().propertyNames());

        assertThat(decided).as("operations in security/operation-roles.yaml").isEqualTo(documented);
        assertThat(documented).hasSizeGreaterThanOrEqualTo(15);
    }

    @TestFactory
    Stream<DynamicTest> everyRoleAgainstEveryOperation() throws IOException {
        JsonNode table = table();
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation operation : operations()) {
            Set<String> allowed = new TreeSet<>();
            table.path(operation.id()).forEach(role -> allowed.add(role.asString()));
            for (String role : ROLES) {
                boolean allows = allowed.contains(role);
                tests.add(DynamicTest.dynamicTest(role + (allows ? " may " : " may not ") + operation.id(), () -> {
                    Reply reply = call(operation, TestKeys.only(role));
                    if (allows) {
                        assertThat(reply.status()).as(reply.body()).isNotIn(401, 403);
                    } else {
                        assertProblem(reply, 403);
                        // The refusal says whose roles, which operation and who may call it.
                        assertThat(reply.json().get("detail").asString())
                                .startsWith("the caller's roles (" + role + ") do not allow " + operation.id() + " (" + operation.method() + " ")
                                .endsWith("; it is open to " + String.join(", ", allowed));
                    }
                }));
            }
            tests.add(DynamicTest.dynamicTest("no credential may not " + operation.id(), () -> {
                Reply reply = call(operation, null);
                assertProblem(reply, 401);
                assertThat(reply.header("WWW-Authenticate")).contains("X-API-Key").contains("Bearer");
            }));
        }
        return tests.stream();
    }

    @Test
    void aRefusedCallerIsNeverEvaluated() throws IOException {
        Operation evaluate = operations().stream().filter(operation -> operation.id().equals("evaluate")).findFirst().orElseThrow();

        assertProblem(call(evaluate, TestKeys.only("reviewer")), 403);
        assertProblem(call(evaluate, null), 401);
        verify(evaluations, never()).evaluate(any(), any());
    }

    /**
     * Beyond the table: evaluate is open to integrators, but not for a draft or proposal, which only the roles that may
     * read a contract version (getContractVersion) evaluate (ContractsApiTest has the published and superseded cases).
     */
    @Test
    void anIntegratorMayEvaluateButNotAVersionNeverPublished() {
        String contract = "{\"ipaId\":\"valley-ipa\",\"payer\":\"P\",\"templateId\":\"mssp-basic\",\"effectiveFrom\":\"2025-01-01\","
                + "\"effectiveTo\":\"2025-12-31\"}";
        Reply created = postJson("/api/v1/contracts", contract);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String draft = "{\"contract\":{\"contractVersionId\":\"" + created.json().at("/versions/0/id").asString() + "\"},\"facts\":"
                + read("examples/valley-ipa.json") + "}";
        for (String role : ROLES) {
            Reply reply = send(HttpRequest.newBuilder(URI.create(url("/api/v1/evaluations"))).header("Content-Type", "application/json")
                    .header(TestKeys.HEADER, TestKeys.only(role)).POST(HttpRequest.BodyPublishers.ofString(draft)));
            assertProblemOr200(reply, Map.of("negotiator", 200, "admin", 200, "integrator", 403, "reviewer", 403).get(role), role);
        }
    }

    private static void assertProblemOr200(Reply reply, int status, String role) {
        assertThat(reply.status()).as(role + ": " + reply.body()).isEqualTo(status);
        if (status == 403) {
            assertProblem(reply, 403);
        }
    }

    private Reply call(Operation operation, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(operation.path())));
        if (operation.contentType() != null) {
            request.header("Content-Type", operation.contentType())
                    .method(operation.method(), HttpRequest.BodyPublishers.ofString(operation.contentType().contains("json") ? "{}" : ""));
        } else {
            request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
        }
        if (key != null) {
            request.header(TestKeys.HEADER, key);
        }
        return sendAsIs(request.build());
    }

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
    }
}
