package io.taskhub.bench;

import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.postgresql.PGConnection;

/**
 * The physical floor of a full sync: the least any importer could spend on the same data. Fetching and parsing is
 * plain HTTP and Jackson's streaming parser following {@code nextRecordsUrl}; storing is one {@code COPY} of the
 * same rows into a table indexed exactly like the hub's {@code task} table, PostgreSQL's fastest load path.
 */
final class Floor {

    /** Seconds of wall time, and of CPU of the driver (fetch and parse) and of PostgreSQL (COPY). */
    record Result(long records, double fetchSeconds, double copySeconds, double fetchCpu, double copyCpu) {
        double seconds() {
            return fetchSeconds + copySeconds;
        }

        double rate() {
            return records / seconds();
        }
    }

    private static final Set<String> ARCHIVED_STAGES = Set.of("Closed Won", "Closed Lost");
    private static final String COLUMNS = "integration_id, parent_id, kind, type, external_id, name, status, "
            + "archived_reason, external_updated_at, seen_run_id";

    private final JsonFactory json = new JsonFactory();
    private final CpuMeter cpu;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Floor(CpuMeter cpu) {
        this.cpu = cpu;
    }

    /**
     * Reads every opportunity into a scratch file of COPY rows (timed as fetch and parse), then loads that file
     * (timed as COPY) into a fresh {@code floor_task} table in the hub's database.
     */
    Result measure(String loginUrl, String clientId, String clientSecret, String refreshToken, Connection db,
                   Path scratch) throws Exception {
        createTable(db);
        double driverStart = CpuMeter.self();
        long start = System.nanoTime();
        SalesforceLogin session = SalesforceLogin.login(http, loginUrl, clientId, clientSecret, refreshToken);
        long records = 0;
        try (Writer rows = Files.newBufferedWriter(scratch)) {
            String next = SalesforceLogin.firstPage();
            while (next != null) {
                HttpResponse<InputStream> page = http.send(HttpRequest.newBuilder(URI.create(session.instanceUrl() + next))
                        .header("Authorization", session.authorization()).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (page.statusCode() != 200) {
                    throw new IllegalStateException("page refused: " + page.statusCode());
                }
                try (JsonParser parser = json.createParser(page.body())) {
                    PageRows parsed = readPage(parser, rows);
                    records += parsed.records();
                    next = parsed.next();
                }
            }
        }
        long fetched = System.nanoTime();
        double fetchCpu = CpuMeter.self() - driverStart;
        checkpoint(db);
        double postgresStart = cpu.postgres();
        long copyStart = System.nanoTime();
        try (Reader rows = Files.newBufferedReader(scratch)) {
            db.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY floor_task (" + COLUMNS + ") FROM STDIN (FORMAT csv)", rows);
        }
        long copied = System.nanoTime();
        double copyCpu = cpu.postgres() - postgresStart;
        Files.deleteIfExists(scratch);
        try (Statement s = db.createStatement()) {
            s.execute("drop table floor_task");
        }
        checkpoint(db);
        return new Result(records, (fetched - start) / 1e9, (copied - copyStart) / 1e9, fetchCpu, copyCpu);
    }

    private record PageRows(long records, String next) {
    }

    private static PageRows readPage(JsonParser parser, Writer rows) throws Exception {
        String next = null;
        boolean done = true;
        long records = 0;
        expect(parser.nextToken(), JsonToken.START_OBJECT);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "done" -> done = value == JsonToken.VALUE_TRUE;
                case "nextRecordsUrl" -> next = parser.getValueAsString();
                case "records" -> {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        writeRow(parser, rows);
                        records++;
                    }
                }
                default -> parser.skipChildren();
            }
        }
        return new PageRows(records, done ? null : next);
    }

    /** One opportunity as the hub stores it: archived when closed won or lost, or deleted. */
    private static void writeRow(JsonParser parser, Writer rows) throws Exception {
        String id = null;
        String name = null;
        String stage = null;
        String stamp = null;
        boolean deleted = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "Id" -> id = parser.getValueAsString();
                case "Name" -> name = parser.getValueAsString();
                case "StageName" -> stage = parser.getValueAsString();
                case "SystemModstamp" -> stamp = parser.getValueAsString();
                case "IsDeleted" -> deleted = parser.getValueAsBoolean();
                default -> parser.skipChildren();
            }
        }
        String reason = deleted ? "DELETED" : ARCHIVED_STAGES.contains(stage) ? "CLOSED" : null;
        rows.write("1,1,TASK,opportunities,");
        rows.write(id);
        rows.write(',');
        quoted(rows, name);
        rows.write(reason == null ? ",ACTIVE," : ",ARCHIVED," + reason);
        rows.write(',');
        rows.write(stamp);
        rows.write(",1\n");
    }

    private static void quoted(Writer rows, String text) throws Exception {
        rows.write('"');
        rows.write(text.replace("\"", "\"\""));
        rows.write('"');
    }

    /** Same columns, constraints and indexes as the hub's task table (foreign keys aside), and its own ids. */
    private static void createTable(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("drop table if exists floor_task");
            s.execute("drop sequence if exists floor_task_id");
            s.execute("create sequence floor_task_id");
            s.execute("create table floor_task (like task including all)");
            s.execute("alter table floor_task alter column id set default nextval('floor_task_id')");
        }
    }

    /** Both contenders start from clean shared buffers: nothing of the other left to write back. */
    static void checkpoint(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("checkpoint");
        }
    }

    private static void expect(JsonToken token, JsonToken expected) {
        if (token != expected) {
            throw new IllegalStateException("expected " + expected + " but read " + token);
        }
    }
}
