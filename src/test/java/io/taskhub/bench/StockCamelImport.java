package io.taskhub.bench;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.model.TaskRecord;
import io.taskhub.provider.salesforce.SalesforceMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The usual way to import records with Camel, as most examples show it: fetch a page over HTTP, unmarshal it,
 * split it into records, and send each record to camel-sql, one INSERT (and one commit) per record. It maps with the
 * hub's own mapper and writes to a table indexed like the hub's, so only the shape of the route differs.
 */
final class StockCamelImport {

    private static final String INSERT = "sql:insert into stock_task (integration_id, parent_id, kind, type, "
            + "external_id, name, status, archived_reason, external_updated_at) values (1, 1, 'TASK', :#type, "
            + ":#externalId, :#name, :#status, :#archivedReason, cast(:#externalUpdatedAt as timestamptz)) "
            + "on conflict (integration_id, type, external_id) do update set name = excluded.name, "
            + "status = excluded.status, archived_reason = excluded.archived_reason, "
            + "external_updated_at = excluded.external_updated_at?dataSource=#stockDb";

    /** Imports every opportunity of the org and answers the seconds it took, login included. */
    double run(String loginUrl, String clientId, String clientSecret, String refreshToken, DataSource db)
            throws Exception {
        createTable(db);
        SalesforceMapper mapper = new SalesforceMapper(java.util.Set.of("Closed Won", "Closed Lost"));
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("stockDb", db);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:stock-import").routeId("stock-opportunities-import")
                            .loopDoWhile(simple("${exchangeProperty.next} != null"))
                                .removeHeaders("*")
                                .setHeader(Exchange.HTTP_URI, simple("${exchangeProperty.instance}${exchangeProperty.next}"))
                                .setHeader("Authorization", exchangeProperty("authorization"))
                                .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                                .to("http://localhost")
                                .unmarshal().json(JsonNode.class)
                                .setProperty("next", method(StockCamelImport.class, "nextPage"))
                                .split(method(StockCamelImport.class, "records"))
                                    .process(e -> e.getIn().setBody(parameters(mapper.map(
                                            SalesforceMapper.OPPORTUNITIES, e.getIn().getBody(JsonNode.class)))))
                                    .to(INSERT)
                                .end()
                            .end();
                }
            });
            camel.start();
            long start = System.nanoTime();
            SalesforceLogin session = SalesforceLogin.login(HttpClient.newHttpClient(), loginUrl, clientId,
                    clientSecret, refreshToken);
            camel.createProducerTemplate().send("direct:stock-import", e -> {
                e.setProperty("instance", session.instanceUrl());
                e.setProperty("authorization", session.authorization());
                e.setProperty("next", SalesforceLogin.firstPage());
            });
            return (System.nanoTime() - start) / 1e9;
        }
    }

    public static String nextPage(JsonNode page) {
        return page.path("done").asBoolean(true) ? null : page.path("nextRecordsUrl").asText(null);
    }

    public static Iterable<JsonNode> records(JsonNode page) {
        return page.path("records");
    }

    private static Map<String, Object> parameters(TaskRecord task) {
        Map<String, Object> row = new HashMap<>();
        row.put("type", task.type());
        row.put("externalId", task.externalId());
        row.put("name", task.name());
        row.put("status", task.archivedReason() == null ? "ACTIVE" : "ARCHIVED");
        row.put("archivedReason", task.archivedReason() == null ? null : task.archivedReason().name());
        row.put("externalUpdatedAt", task.externalUpdatedAt().toString());
        return row;
    }

    private static void createTable(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table if exists stock_task");
            s.execute("drop sequence if exists stock_task_id");
            s.execute("create sequence stock_task_id");
            s.execute("create table stock_task (like task including all)");
            s.execute("alter table stock_task alter column id set default nextval('stock_task_id')");
        }
    }
}
