package org.accord.bench;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.Filter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.accord.api.AccordService;
import org.accord.testing.TestKeys;
import org.accord.testing.TestTokens;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 17's budget: what authentication adds to a request's server CPU (at most 0.2 ms). The
 * real service's context serves the same request (one template, read) through Spring MVC twice:
 * without the security filter chain, and with it and an API key or a bearer token. On one thread
 * in process, time per request is CPU per request; the difference is the cost of security
 * (firewall, headers, authentication, the operation table's matching). HTTP parsing and the
 * network are the same either way and left out.
 * Run: bench/jmh/run.sh -f 1 -wi 3 -i 5 AuthenticationBenchmark (the tests' keys and token key: test class path)
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AuthenticationBenchmark {

    private static final String PATH = "/api/v1/contract-templates/mssp-basic";

    ConfigurableApplicationContext service;
    MockMvc withoutSecurity;
    MockMvc withSecurity;
    String bearer;

    @Setup(Level.Trial)
    public void start() {
        service = new SpringApplicationBuilder(AccordService.class).properties("server.port=0").run();
        WebApplicationContext web = (WebApplicationContext) service;
        withoutSecurity = MockMvcBuilders.webAppContextSetup(web).build();
        withSecurity = MockMvcBuilders.webAppContextSetup(web).addFilters(service.getBean("springSecurityFilterChain", Filter.class)).build();
        // valid for ten minutes: longer than a run
        bearer = "Bearer " + TestTokens.withRoles("bench", List.of("integrator"));
        check(noSecurity(), 200);
        check(apiKey(), 200);
        check(bearerToken(), 200);
    }

    @TearDown(Level.Trial)
    public void stop() {
        service.close();
    }

    private static void check(MvcResult result, int status) {
        if (result.getResponse().getStatus() != status) {
            throw new IllegalStateException("HTTP " + result.getResponse().getStatus() + " instead of " + status);
        }
    }

    @Benchmark
    public MvcResult noSecurity() {
        return perform(withoutSecurity, get(PATH));
    }

    @Benchmark
    public MvcResult apiKey() {
        return perform(withSecurity, get(PATH).header(TestKeys.HEADER, TestKeys.only("integrator")));
    }

    @Benchmark
    public MvcResult bearerToken() {
        return perform(withSecurity, get(PATH).header("Authorization", bearer));
    }

    private static MvcResult perform(MockMvc mvc, org.springframework.test.web.servlet.RequestBuilder request) {
        try {
            return mvc.perform(request).andReturn();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
