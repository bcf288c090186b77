package io.taskhub.provider.insightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.sync.ImportState;
import io.taskhub.sync.OffsetRequest;
import io.taskhub.sync.PageImport;
import io.taskhub.sync.ProviderUsers;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** Insightly's users directory through the shared steps, from the recorded page: paged by skip, id → email. */
class InsightlyUsersTest {

    @Test
    void usersArePagedUntilAShortPageOrOneThatRepeatsItself() throws IOException {
        InsightlyPages pages = new InsightlyPages(new InsightlyProperties("https://api.{pod}.insightly.com/v3.1", 2,
                Duration.ofMinutes(5), "yyyy-MM-dd HH:mm:ss", true, Set.of("WON"), Set.of("COMPLETED")));
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("insightlyPages", pages);
            Exchange exchange = new DefaultExchange(camel);
            exchange.setVariable(PageImport.SOURCE, "insightlyPages");
            ProviderUsers users = new ProviderUsers();
            users.start(exchange);
            assertThat(state(exchange).getRequest()).isEqualTo(users(2));

            JsonNode page;
            try (InputStream in = getClass().getResourceAsStream("/fixtures/insightly/users.json")) {
                page = new ObjectMapper().readTree(in);
            }
            exchange.getIn().setBody(page);
            users.add(exchange);
            assertThat(state(exchange).getRequest()).isEqualTo(users(2).next());
            users.add(exchange);
            assertThat(state(exchange).isMore()).as("the same users again: Insightly ignored skip").isFalse();
            assertThat(exchange.getVariable(PageImport.USERS, Map.class))
                    .isEqualTo(Map.of("1187223", "Ann.Archer@Example.com", "1187224", "bob@example.com"));
        }
    }

    private static OffsetRequest users(int top) {
        return OffsetRequest.first("/Users", "skip", "top", top);
    }

    private static ImportState state(Exchange exchange) {
        return exchange.getVariable(PageImport.STATE, ImportState.class);
    }
}
