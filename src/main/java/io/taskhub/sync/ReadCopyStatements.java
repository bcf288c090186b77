package io.taskhub.sync;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The step of the route template read-copy-store that names, in the variable {@code readCopyStatement}, the
 * statement storing the page's type, as the page source ({@link ReadCopyPages}) that page-import named says.
 */
@Component("readCopyStatements")
public class ReadCopyStatements {

    public void store(@Body MappedPage page, Exchange exchange) {
        exchange.setVariable("readCopyStatement",
                PageImport.source(exchange, ReadCopyPages.class).storeStatement(page.type()));
    }
}
