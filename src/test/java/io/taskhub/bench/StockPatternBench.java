package io.taskhub.bench;

import java.sql.Connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.support.HubProcess;
import io.taskhub.support.OperatorApi;
import io.taskhub.support.SharedDatabase;

/** The same import done the stock Camel way (one INSERT per record) and the hub's way, on the same records. */
final class StockPatternBench {

    private final BenchRun run;

    StockPatternBench(BenchRun run) {
        this.run = run;
    }

    void measure(HubProcess hub, String database) throws Exception {
        int records = run.sizes.stockRecords();
        try (SalesforceSimulator org = SalesforceSimulator.start(SalesforceSimulator.Options.defaults()
                .withOpportunities(records).withCases(0));
             HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(run.db.url(database));
            pool.setUsername(SharedDatabase.USER);
            pool.setPassword(SharedDatabase.PASSWORD);
            pool.setMaximumPoolSize(4);

            BenchRun.progress("hub path: " + records + " records");
            OperatorApi api = new OperatorApi(hub.operator());
            BenchRun.Timed<JsonNode> hubSync = BenchRun.enableAndSync(api, api.createAccount("Stock"), org, 86_400);
            BigIntegrationBench.checkRun(hubSync.result(), records);
            try (Connection c = pool.getConnection()) {
                Floor.checkpoint(c);
            }

            // the hub's code is warm from the syncs before: the stock route gets a warm-up round too
            BenchRun.progress("stock Camel pattern: a warm-up round, then " + records + " records");
            StockCamelImport stockRoute = new StockCamelImport();
            stockRoute.run(org.baseUrl(), SalesforceSimulator.DEFAULT_CLIENT_ID,
                    SalesforceSimulator.DEFAULT_CLIENT_SECRET, SalesforceSimulator.DEFAULT_REFRESH_TOKEN, pool);
            double stock = stockRoute.run(org.baseUrl(), SalesforceSimulator.DEFAULT_CLIENT_ID,
                    SalesforceSimulator.DEFAULT_CLIENT_SECRET, SalesforceSimulator.DEFAULT_REFRESH_TOKEN, pool);
            long imported;
            try (Connection c = pool.getConnection(); var s = c.createStatement();
                 var rs = s.executeQuery("select count(*) from stock_task")) {
                rs.next();
                imported = rs.getLong(1);
                s.execute("drop table stock_task");
                s.execute("drop sequence stock_task_id");
            }
            BenchRun.check(imported == records, "the stock route imported " + imported);

            run.report(Figure.info("stock Camel pattern (split, one camel-sql INSERT per record), " + records
                    + " records", stock, "s", null));
            // the import itself, login to last row, as the stock route's time is; enabling comes on top
            double hubImport = BenchRun.runSeconds(hubSync.result());
            run.report(Figure.info("hub path, same " + records + " records, sync run", hubImport, "s", null));
            run.report(Figure.info("hub path, same " + records + " records, from the enabling request",
                    hubSync.seconds(), "s", null));
            run.report(Figure.atLeast("hub speed-up over the stock pattern (sync run)", stock / hubImport, "x", 10));
        }
    }
}
