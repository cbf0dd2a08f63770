package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.accord.client.ApiException;
import org.accord.client.api.ContractTemplatesApi;
import org.accord.client.api.EvaluationsApi;
import org.accord.client.api.ScenariosApi;
import org.accord.client.model.ContractTemplateSummary;
import org.accord.client.model.EvaluationRequest;
import org.accord.client.model.ProblemDetail;
import org.accord.client.model.SweepPoint;
import org.accord.client.model.SweepRequest;
import org.accord.client.model.Totals;
import org.junit.jupiter.api.Test;

/**
 * The TypeScript and Python clients generated from the API document (target/clients) drive this
 * server through the programs under src/test/clients, which print what they read; every value
 * must be the Java client's answer to the same request, as the same text (so to the cent). A
 * missing tool or package fails the test, naming it.
 */
class ClientsTest extends ServerTest {

    private static final Path EXAMPLES = Path.of("examples").toAbsolutePath();

    @Test
    void theTypeScriptClientReadsWhatTheJavaClientReads() throws Exception {
        Path build = Path.of("target/clients/typescript-exercise").toAbsolutePath();
        Files.createDirectories(build);
        for (String file : List.of("package.json", "package-lock.json", "tsconfig.json", "exercise.ts")) {
            Files.copy(Path.of("src/test/clients/typescript", file), build.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        // The README's lines as a user pastes them, but importing the client where the build wrote it.
        Files.writeString(build.resolve("readme.ts"), readmeBlock("ts").replace("\"accord-client\"", "\"../typescript/src\""));
        run(build, "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error");
        run(build, "node", "node_modules/typescript/bin/tsc", "-p", ".");

        Map<String, String> printed = run(build, "node", "out/typescript-exercise/exercise.js", url("/api/v1"), EXAMPLES.toString());

        assertThat(printed).containsExactlyEntriesOf(javaClientsAnswer());
        assertThat(runReadme("node", build.resolve("out/typescript-exercise/readme.js").toString())).isEqualTo(payerTotal());
    }

    @Test
    void theReadmesPythonLinesPrintTheJavaClientsPayerTotal() throws Exception {
        Path readme = Files.createTempDirectory(Path.of("target"), "readme-python").resolve("readme.py");
        Files.writeString(readme, readmeBlock("python"));

        assertThat(runReadme("python3", readme.toAbsolutePath().toString())).isEqualTo(payerTotal());
    }

    /** The README's fenced block in that language; the test runs exactly those lines. */
    private static String readmeBlock(String language) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```" + language + "\n");
        assertThat(start).as("a ```%s block in README.md", language).isNotNegative();
        start += language.length() + 4;
        String block = readme.substring(start, readme.indexOf("```", start));
        assertThat(block.lines()).as("README's %s example", language).hasSize(5);
        return block;
    }

    /** Runs a README example from the project's directory against this server; what it printed. */
    private String runReadme(String... command) throws IOException, InterruptedException {
        Path script = Path.of(command[1]);
        Files.writeString(script, Files.readString(script).replace("http://localhost:8080/api/v1", url("/api/v1")));
        String printed = runForOutput(Path.of("").toAbsolutePath(),
                Map.of("PYTHONPATH", Path.of("target/clients/python").toAbsolutePath().toString()), command);
        return printed.strip();
    }

    private String payerTotal() throws Exception {
        EvaluationRequest request = client().getObjectMapper().readValue(EXAMPLES.resolve("valley-ipa-request.json").toFile(),
                EvaluationRequest.class);
        return new EvaluationsApi(client()).evaluate(request).getTotals().getPayerTotal().toPlainString();
    }

    @Test
    void thePythonClientReadsWhatTheJavaClientReads() throws Exception {
        Path client = Path.of("target/clients/python").toAbsolutePath();
        // The generated client needs these (its requirements.txt); PyPI is not assumed reachable.
        run(client, "python3", "-c", "import urllib3, pydantic, dateutil, typing_extensions");

        Map<String, String> printed = printed(runForOutput(client, Map.of("PYTHONPATH", client.toString()), "python3",
                Path.of("src/test/clients/python/exercise.py").toAbsolutePath().toString(), url("/api/v1"), EXAMPLES.toString()));

        assertThat(printed).containsExactlyEntriesOf(javaClientsAnswer());
    }

    /** The same requests through the Java client, printed as the programs print them. */
    private Map<String, String> javaClientsAnswer() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("templates", new ContractTemplatesApi(client()).listContractTemplates().getTemplates().stream()
                .map(ContractTemplateSummary::getId).collect(Collectors.joining(",")));

        EvaluationRequest request = client().getObjectMapper().readValue(EXAMPLES.resolve("valley-ipa-request.json").toFile(),
                EvaluationRequest.class);
        Totals totals = new EvaluationsApi(client()).evaluate(request).getTotals();
        expected.put("evaluate.payerTotal", totals.getPayerTotal().toPlainString());
        expected.put("evaluate.ipaPool", totals.getIpaPool().toPlainString());
        expected.put("evaluate.retainedByIpa", totals.getRetainedByIpa().toPlainString());

        request.getContract().setTemplateId("no-such-template");
        ApiException refused = catchThrowableOfType(ApiException.class, () -> new EvaluationsApi(client()).evaluate(request));
        ProblemDetail problem = client().getObjectMapper().readValue(refused.getResponseBody(), ProblemDetail.class);
        expected.put("problem.status", String.valueOf(problem.getStatus()));
        expected.put("problem.pointer", problem.getErrors().get(0).getPointer());
        expected.put("problem.reason", problem.getErrors().get(0).getReason());

        SweepRequest sweep = client().getObjectMapper().readValue(EXAMPLES.resolve("scenarios/sweep-sharing-rate.json").toFile(),
                SweepRequest.class);
        List<SweepPoint> points = new ScenariosApi(client()).sweepTerms(sweep).getPoints();
        for (int i = 0; i < points.size(); i++) {
            expected.put("sweep.json." + i + ".payerTotal", points.get(i).getPayerTotal().toPlainString());
        }
        // The table holds the same amounts as the JSON answer, one row per point.
        for (int i = 0; i < points.size(); i++) {
            expected.put("sweep.csv." + i + ".payerTotal", points.get(i).getPayerTotal().toPlainString());
        }
        assertThat(points).isNotEmpty();
        assertThat(problem.getStatus()).isEqualTo(422);
        return expected;
    }

    /** Runs the command to the end; what it printed, or a failure with everything it said. */
    private static Map<String, String> run(Path directory, String... command) throws IOException, InterruptedException {
        return printed(runForOutput(directory, Map.of(), command));
    }

    private static String runForOutput(Path directory, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            // The README's examples and the programs read the caller's key as a user would set it.
            builder.environment().put("ACCORD_API_KEY", org.accord.testing.TestKeys.EVERY_ROLE);
            process = builder.start();
        } catch (IOException notInstalled) {
            throw new AssertionError(command[0] + " is needed to test the generated clients and is not installed", notInstalled);
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed in " + directory + ":\n" + output);
        }
        return output;
    }

    /** The `key=value` lines of a program's output. */
    private static Map<String, String> printed(String output) {
        Map<String, String> printed = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                printed.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return printed;
    }
}
