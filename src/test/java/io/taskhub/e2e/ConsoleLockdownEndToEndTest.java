package io.taskhub.e2e;

import static io.taskhub.support.ConsoleClient.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.support.ConsoleClient;
import io.taskhub.support.HubClient;
import io.taskhub.support.HubTest;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the Hawtio console may do through Jolokia, posted from outside as the console in the operator's browser posts
 * it: read, list and search, start and stop routes, pause and fire sync triggers. Everything else is refused: sending
 * to endpoints, creating endpoints, JVM diagnostics and heap dumps, writes, commands in a GET, other origins.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleLockdownEndToEndTest {

    @LocalServerPort
    int port;
    @Autowired
    CamelContext camel;
    @Autowired
    Scheduler quartz;

    SalesforceSimulator salesforce;
    ConsoleClient console;
    long integrationId;
    /** This hub's MBeans: other hubs of the test JVM register theirs under other names. */
    String context;
    String route;
    String scheduler;

    @BeforeAll
    void setUp() throws SchedulerException {
        context = "org.apache.camel:context=" + camel.getManagementName() + ",type=context,name=\"" + camel.getName()
                + "\"";
        route = "org.apache.camel:context=" + camel.getManagementName() + ",type=routes,name=\"xero-invoices-export\"";
        salesforce = SalesforceSimulator.start(SalesforceSimulator.Options.defaults().withOpportunities(5).withCases(5));
        HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
        long account = operator.post("/api/accounts", Map.of("name", "Console")).get("id").asLong();
        integrationId = operator.post("/api/accounts/" + account + "/integrations", Map.of("provider", "salesforce",
                "credentials", Map.of("clientId", SalesforceSimulator.DEFAULT_CLIENT_ID,
                        "clientSecret", SalesforceSimulator.DEFAULT_CLIENT_SECRET,
                        "refreshToken", SalesforceSimulator.DEFAULT_REFRESH_TOKEN),
                "endpoint", Map.of("loginUrl", salesforce.baseUrl()))).get("id").asLong();
        console = ConsoleClient.as(port, "operator", "operator-test-pass");
        scheduler = console.post(Map.of("type", "search", "mbean", "quartz:type=QuartzScheduler,name="
                + quartz.getSchedulerName() + ",*")).json().path("value").get(0).asText();
    }

    @AfterAll
    void tearDown() {
        salesforce.close();
    }

    @Test
    void readListSearchAndVersionWork() {
        HubClient.Answer read = console.post(Map.of("type", "read", "mbean", route, "attribute", "RouteId"));
        assertThat(verdict(read)).as(read.text()).isEqualTo(200);
        assertThat(read.json().path("value").asText()).isEqualTo("xero-invoices-export");
        assertThat(verdict(console.post(Map.of("type", "version")))).isEqualTo(200);
        HubClient.Answer search = console.post(Map.of("type", "search", "mbean", "org.apache.camel:type=routes,*"));
        assertThat(search.json().path("value").toString()).contains("xero-invoices-export");
        HubClient.Answer list = console.post(Map.of("type", "list", "path", "org.apache.camel"));
        assertThat(verdict(list)).isEqualTo(200);
        assertThat(list.text()).contains("dumpRoutesAsXml");
    }

    @Test
    void theConsoleDrawsRoutesAndTheirStatistics() {
        assertThat(console.post(exec(context, "dumpRoutesAsXml()")).json().path("value").asText())
                .contains("xero-invoices-export");
        assertThat(console.post(exec(context, "dumpRoutesStatsAsXml", true, true)).json().path("value").asText())
                .contains("routeStat");
        assertThat(verdict(console.post(exec(route, "dumpRouteStatsAsXml(boolean,boolean)", true, true))))
                .isEqualTo(200);
    }

    @Test
    void routesStopStartSuspendAndResume() {
        assertThat(verdict(console.post(exec(route, "stop()")))).isEqualTo(200);
        assertThat(state()).isEqualTo("Stopped");
        assertThat(verdict(console.post(exec(route, "start()")))).isEqualTo(200);
        assertThat(state()).isEqualTo("Started");
        assertThat(verdict(console.post(exec(route, "suspend()")))).isEqualTo(200);
        assertThat(state()).isEqualTo("Suspended");
        assertThat(verdict(console.post(exec(route, "resume()")))).isEqualTo(200);
        assertThat(state()).isEqualTo("Started");
    }

    @Test
    void syncTriggersPauseResumeAndFire() {
        String trigger = "integration-" + integrationId;
        assertThat(verdict(console.post(exec(scheduler, "pauseTrigger", trigger, "integration-sync")))).isEqualTo(200);
        assertThat(console.post(exec(scheduler, "getTriggerState", trigger, "integration-sync")).json()
                .path("value").asText()).isEqualTo("PAUSED");
        assertThat(verdict(console.post(exec(scheduler, "resumeTrigger", trigger, "integration-sync"))))
                .isEqualTo(200);
        HubClient.Answer fired = console.post(exec(scheduler, "triggerJob", trigger, "integration-sync", Map.of()));
        assertThat(verdict(fired)).as(fired.text()).isEqualTo(200);
        assertRefusedByPolicy(exec(scheduler, "deleteJob", trigger, "integration-sync"));
        assertRefusedByPolicy(exec(scheduler, "standby()"));
    }

    @Test
    void nothingIsSentToAnEndpointNorAnyEndpointCreated() {
        for (Map<String, Object> request : List.of(
                exec(context, "sendBody(java.lang.String,java.lang.Object)", "log:lockdown-probe", "x"),
                exec(context, "sendBody", "log:lockdown-probe", "x"),
                exec(context, "sendStringBody(java.lang.String,java.lang.String)", "log:lockdown-probe", "x"),
                exec(context, "sendBodyAndHeaders(java.lang.String,java.lang.Object,java.util.Map)",
                        "log:lockdown-probe", "x", Map.of()),
                exec(context, "requestBody(java.lang.String,java.lang.Object)", "log:lockdown-probe", "x"),
                exec(context, "requestStringBody(java.lang.String,java.lang.String)", "log:lockdown-probe", "x"),
                exec(context, "requestBodyAndHeaders(java.lang.String,java.lang.Object,java.util.Map)",
                        "log:lockdown-probe", "x", Map.of()),
                exec(context, "createEndpoint(java.lang.String)", "log:lockdown-probe"),
                exec(context, "removeEndpoints(java.lang.String)", "*"),
                exec(context, "setGlobalOption(java.lang.String,java.lang.String)", "x", "y"),
                exec(context, "dumpRoutesAsXml(boolean)", true),
                exec(context, "stop()"),
                exec(route, "updateRouteFromXml(java.lang.String)", "<route/>"),
                exec(route, "remove()"))) {
            assertRefusedByPolicy(request);
        }
        assertThat(console.post(Map.of("type", "search", "mbean", "org.apache.camel:type=endpoints,*"))
                .json().path("value").toString()).doesNotContain("lockdown-probe");
        assertThat(state()).isEqualTo("Started");
    }

    @Test
    void theJvmCannotBeDiagnosedDumpedOrRecorded() throws Exception {
        Path dump = Files.createTempDirectory("lockdown").resolve("heap.hprof");
        for (Map<String, Object> request : List.of(
                exec("com.sun.management:type=DiagnosticCommand", "vmSystemProperties"),
                exec("com.sun.management:type=DiagnosticCommand", "gcHeapDump", List.of(dump.toString())),
                exec("com.sun.management:type=HotSpotDiagnostic", "dumpHeap(java.lang.String,boolean)",
                        dump.toString(), true),
                exec("com.sun.management:type=HotSpotDiagnostic", "setVMOption", "HeapDumpOnOutOfMemoryError", "true"),
                exec("jdk.management.jfr:type=FlightRecorder", "newRecording()"),
                exec("java.lang:type=Memory", "gc()"),
                exec("java.lang:type=Threading", "dumpAllThreads(boolean,boolean)", true, true),
                exec("java.util.logging:type=Logging", "setLoggerLevel", "", "OFF"),
                Map.<String, Object>of("type", "read", "mbean", "java.lang:type=Runtime",
                        "attribute", "SystemProperties"))) {
            assertRefusedByPolicy(request);
        }
        assertThat(dump).doesNotExist();
    }

    @Test
    void nothingIsWritten() {
        for (Map<String, Object> request : List.of(
                write(context, "Tracing", true),
                write(route, "StatisticsEnabled", false),
                write("java.lang:type=Memory", "Verbose", true),
                write("java.lang:type=Threading", "ThreadCpuTimeEnabled", false))) {
            assertRefusedByPolicy(request);
        }
        assertThat(console.post(Map.of("type", "read", "mbean", context, "attribute", "Tracing")).json()
                .path("value").asBoolean()).isFalse();
    }

    /** Spelled otherwise than its prefix, Jolokia's path is a 400 for anyone, never a 500 nor Jolokia itself. */
    @Test
    void jolokiasPathSpelledOtherwiseIsRefused() {
        for (String path : List.of("/actuator//jolokia", "/actuator/%6aolokia", "/actuator/jolokia;x=1",
                "/%61ctuator/jolokia", "/actuator;x/jolokia/version", "/actuator//jolokia/version")) {
            for (HubClient caller : List.of(HubClient.at(port), HubClient.at(port).as("operator", "operator-test-pass"))) {
                HubClient.Answer answer = caller.post(path, Map.of("type", "version"));
                assertThat(answer.status()).as(path + " " + answer.text()).isEqualTo(400);
                assertThat(answer.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(console.post(Map.of("type", "version")).status()).as("the console's own path").isEqualTo(200);
    }

    @Test
    void aCommandInAGetIsRefused() {
        assertThat(console.get("/actuator/jolokia/version").status()).isEqualTo(405);
        assertThat(console.get("/actuator/jolokia/read/java.lang:type=Memory/Verbose").status()).isEqualTo(405);
        HubClient.Answer stop = console.get("/actuator/jolokia/exec/" + route.replace("\"", "%22") + "/stop()");
        assertThat(stop.status()).as(stop.text()).isEqualTo(405);
        assertThat(state()).isEqualTo("Started");
    }

    @Test
    void onlyTheHubsOwnPagesMayCall() {
        Map<String, String> version = Map.of("type", "version");
        assertThat(console.post(version, Map.of("Origin", "http://evil.example")).status()).isEqualTo(403);
        assertThat(console.post(version, Map.of("Origin", "null")).status()).isEqualTo(403);
        assertThat(console.post(version, Map.of("Origin", console.origin() + ".evil.example")).status())
                .isEqualTo(403);
        assertThat(console.post(version, Map.of("Referer", "http://evil.example/actuator/hawtio/")).status())
                .isEqualTo(403);
        assertThat(console.post(version, Map.of()).status()).as("no origin at all").isEqualTo(403);
        assertThat(verdict(console.post(version, Map.of("Referer", console.origin() + "/actuator/hawtio/camel"))))
                .as("a browser that sends only a Referer").isEqualTo(200);
    }

    @Test
    void nonOperatorsAreTurnedAwayAsBefore() {
        HubClient operator = HubClient.at(port).as("operator", "operator-test-pass");
        long account = operator.post("/api/accounts", Map.of("name", "Console users")).get("id").asLong();
        assertThat(operator.post("/api/accounts/" + account + "/users", Map.of("email", "cora@console.test",
                "name", "Cora", "role", "ADMINISTRATOR", "password", "cora-password")).status()).isEqualTo(201);
        Map<String, String> version = Map.of("type", "version");
        assertThat(ConsoleClient.as(port, "cora@console.test", "cora-password").post(version).status())
                .isEqualTo(403);
        assertThat(ConsoleClient.as(port, "operator", "wrong-password").post(version).status())
                .as("without a login the console gets no CSRF token either, and that check comes first")
                .isIn(401, 403);
        assertThat(HubClient.at(port).as("operator", "wrong-password").get("/actuator/hawtio/").status())
                .isEqualTo(401);
    }

    /** Jolokia itself refuses it (not Spring Security, not the origin check): its answer says 403. */
    private void assertRefusedByPolicy(Map<String, Object> request) {
        HubClient.Answer answer = console.post(request);
        assertThat(answer.status()).as(request + ": " + answer.text()).isEqualTo(200);
        assertThat(answer.json().path("status").asInt()).as(request + ": " + answer.text()).isEqualTo(403);
    }

    private String state() {
        return console.post(Map.of("type", "read", "mbean", route, "attribute", "State")).json()
                .path("value").asText();
    }

    private static Map<String, Object> exec(String mbean, String operation, Object... arguments) {
        return Map.of("type", "exec", "mbean", mbean, "operation", operation, "arguments", List.of(arguments));
    }

    private static Map<String, Object> write(String mbean, String attribute, Object value) {
        return Map.of("type", "write", "mbean", mbean, "attribute", attribute, "value", value);
    }
}
