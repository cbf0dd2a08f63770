package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.accord.security.Secrets;
import org.accord.testing.TestKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Keys made, used, listed and revoked through the API, and the audit log of it all. The server's
 * database is shared by the API test classes, so each test makes keys of its own names.
 */
class AdministrationApiTest extends ServerTest {

    private Reply as(String key, HttpRequest.Builder request) {
        return send(request.header(TestKeys.HEADER, key));
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(url(path)));
    }

    private Reply create(String name, String roles, Instant expires) {
        return postJson("/api/v1/api-keys", "{\"name\":\"" + name + "\",\"roles\":" + roles + ",\"expires\":\"" + expires + "\"}");
    }

    private JsonNode audit(String query) {
        Reply page = as(TestKeys.only("reviewer"), to("/api/v1/audit-events?limit=500&" + query).GET());
        assertThat(page.status()).isEqualTo(200);
        return page.json().get("events");
    }

    @Test
    void aKeyIsShownOnceWorksWithItsRolesUntilRevokedAndEveryStepIsAudited() {
        String name = "claims-tool-" + UUID.randomUUID();
        Instant expires = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        Reply created = create(name, "[\"integrator\"]", expires);

        assertThat(created.status()).isEqualTo(201);
        String key = created.json().get("key").asString();
        assertThat(key).matches("acc_[A-Za-z0-9_-]{43}");
        String location = created.header("Location");
        assertThat(location).isEqualTo("/api/v1/api-keys/" + created.json().at("/record/id").asString());
        assertThat(created.json().at("/record/roles").toString()).isEqualTo("[\"integrator\"]");
        assertThat(Instant.parse(created.json().at("/record/expires").asString())).isEqualTo(expires);
        assertThat(created.json().at("/record/createdBy").asString()).isEqualTo("key:tests, every role");

        Reply evaluated = as(key, to("/api/v1/evaluations").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(read("examples/valley-ipa-request.json"))));
        Reply keysRefused = as(key, to("/api/v1/api-keys").GET());
        Reply listed = get("/api/v1/api-keys");
        assertThat(evaluated.status()).isEqualTo(200);
        assertThat(keysRefused.status()).isEqualTo(403);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("keys")).anySatisfy(record -> assertThat(record.get("name").asString()).isEqualTo(name));
        assertThat(listed.body()).doesNotContain(key).doesNotContain(Secrets.sha256(key));

        Reply revoked = send(to(location).DELETE());
        Reply afterRevocation = as(key, to("/api/v1/contract-templates").GET());
        Reply revokedAgain = send(to(location).DELETE());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("revokedBy").asString()).isEqualTo("key:tests, every role");
        assertThat(afterRevocation.status()).isEqualTo(401);
        assertThat(afterRevocation.contentType()).startsWith("application/problem+json");
        assertThat(revokedAgain.json().get("revokedAt")).isEqualTo(revoked.json().get("revokedAt"));

        JsonNode byTheKey = audit("actor=key:" + name.replace(" ", "%20"));
        assertThat(byTheKey).extracting(e -> e.get("action").asString() + " " + e.get("status").asInt())
                .containsExactly("denied 403", "evaluate 200");
        assertThat(byTheKey.get(1).get("target").asString()).isEqualTo(evaluated.header("Location"));
        assertThat(byTheKey.get(0).get("target").asString()).isEqualTo("GET /api/v1/api-keys");
        assertThat(audit("action=createApiKey")).anySatisfy(e -> assertThat(e.get("target").asString()).isEqualTo(location));
        assertThat(audit("action=revokeApiKey")).filteredOn(e -> e.get("target").asString().equals(location)).hasSize(2)
                .allSatisfy(e -> assertThat(e.get("actor").asString()).isEqualTo("key:tests, every role"));
        assertThat(audit("action=denied&actor=unauthenticated"))
                .anySatisfy(e -> assertThat(e.get("target").asString()).isEqualTo("GET /api/v1/contract-templates"));
    }

    @Test
    void theAuditLogIsForReviewersAndAdminsOnly() {
        assertThat(as(TestKeys.only("admin"), to("/api/v1/audit-events").GET()).status()).isEqualTo(200);
        assertThat(as(TestKeys.only("integrator"), to("/api/v1/audit-events").GET()).status()).isEqualTo(403);
        assertThat(as(TestKeys.only("negotiator"), to("/api/v1/audit-events").GET()).status()).isEqualTo(403);
        assertThat(as(TestKeys.only("reviewer"), to("/api/v1/api-keys").GET()).status()).isEqualTo(403);
    }

    @Test
    void aKeyExpiredAlreadyOrForeverOrNamedTwiceIsRefusedNamingTheField() {
        String name = "twice-" + UUID.randomUUID();
        Instant inAMonth = Instant.now().plus(30, ChronoUnit.DAYS);

        Reply past = create(name, "[\"reviewer\"]", Instant.now().minus(1, ChronoUnit.DAYS));
        Reply tooFar = create(name, "[\"reviewer\"]", Instant.now().plus(3 * 366, ChronoUnit.DAYS));
        Reply hidden = create("tool\\u202Eexe.txt", "[\"reviewer\"]", inAMonth);
        Reply first = create(name, "[\"reviewer\"]", inAMonth);
        Reply second = create(name, "[\"admin\"]", inAMonth);
        Reply noRole = create(name + "-none", "[]", inAMonth);

        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().at("/errors/0/pointer").asString()).isEqualTo("/expires");
        assertThat(tooFar.status()).isEqualTo(400);
        assertThat(hidden.status()).isEqualTo(400);
        assertThat(hidden.json().at("/errors/0/pointer").asString()).isEqualTo("/name");
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.json().at("/errors/0/pointer").asString()).isEqualTo("/name");
        assertThat(noRole.status()).isEqualTo(400);
    }

    /** A caller is named by its key's name: a key made with a configured key's name would act, and read runs, as that caller. */
    @Test
    void aKeyMayNotTakeTheNameOfAConfiguredKey() {
        Reply taken = create("tests, admin", "[\"integrator\"]", Instant.now().plus(30, ChronoUnit.DAYS));
        assertThat(taken.status()).as(taken.body()).isEqualTo(400);
        assertThat(taken.json().at("/errors/0/pointer").asString()).isEqualTo("/name");
        assertThat(taken.body()).contains("exists already");
    }

    @Test
    void revokingAnUnknownKeyIsA404() {
        Reply missing = send(to("/api/v1/api-keys/00000000-0000-0000-0000-000000000000").DELETE());

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }
}
