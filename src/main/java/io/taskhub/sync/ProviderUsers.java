package io.taskhub.sync;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The steps of the route template {@code users-directory}: a provider's users (id → email) read page by page into
 * the variable {@code providerUsers}, which {@link PageImport} hands to the mapping as
 * {@link PageSource.ImportContext#userEmails}. The paging state is the variable {@code import}, as for records.
 */
@Component("providerUsers")
public class ProviderUsers {

    /** The source is the {@link UserPages} bean named by the variable {@code pageSource}, set by the template. */
    public void start(Exchange exchange) {
        exchange.setVariable(PageImport.USERS, new HashMap<String, String>());
        exchange.setVariable(PageImport.STATE, ImportState.of("users", source(exchange).users().first()));
    }

    /** Body: a page of the directory. Stops early if the provider ignores the paging and repeats itself. */
    public void add(Exchange exchange) {
        ImportState state = exchange.getVariable(PageImport.STATE, ImportState.class);
        UserPages<Object> pages = source(exchange);
        @SuppressWarnings("unchecked")
        Map<String, String> known = exchange.getVariable(PageImport.USERS, Map.class);
        JsonNode answer = exchange.getIn().getBody(JsonNode.class);
        List<JsonNode> records = pages.records(state.getRequest(), answer);
        int before = known.size();
        records.stream().map(pages.users()::user).filter(Objects::nonNull)
                .forEach(user -> known.put(user.getKey(), user.getValue()));
        Object next = pages.next(state.getRequest(), answer, records.size());
        state.advance(known.size() > before ? next : null, records.size());
    }

    @SuppressWarnings("unchecked")
    private static UserPages<Object> source(Exchange exchange) {
        String name = exchange.getVariable(PageImport.SOURCE, String.class);
        return exchange.getContext().getRegistry().lookupByNameAndType(name, UserPages.class);
    }
}
