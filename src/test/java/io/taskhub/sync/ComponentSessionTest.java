package io.taskhub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.taskhub.provider.Provider;
import org.apache.camel.CamelContext;
import org.apache.camel.component.direct.DirectComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A session's own component in a bare CamelContext: nothing of it stays once it is closed or failed to start. */
class ComponentSessionTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final Provider.Connection connection = new Provider.Connection(Map.of(), Map.of(), Map.of());

    @AfterEach
    void tearDown() throws Exception {
        camel.close();
    }

    @Test
    void aClosedSessionTakesItsComponentAndEndpointsAlong() {
        ComponentSession session = ComponentSession.start(camel, "acme-1-1", new DirectComponent(), c -> true);
        camel.getEndpoint("acme-1-1:items");
        assertThat(camel.hasComponent("acme-1-1")).isNotNull();
        assertThat(session.loggedInWith(connection)).isTrue();

        session.close();

        assertThat(camel.hasComponent("acme-1-1")).isNull();
        assertThat(camel.hasEndpoint("acme-1-1:items")).isNull();
    }

    @Test
    void aComponentThatCannotLogInIsRemovedAgain() {
        DirectComponent refused = new DirectComponent() {
            @Override
            protected void doStart() {
                throw new IllegalStateException("login refused");
            }
        };
        assertThatThrownBy(() -> ComponentSession.start(camel, "acme-1-2", refused, c -> true))
                .hasMessageContaining("login refused");
        assertThat(camel.hasComponent("acme-1-2")).isNull();
    }

    @Test
    void aNameAlreadyTakenLeavesItsComponentInPlace() {
        ComponentSession.start(camel, "acme-1-3", new DirectComponent(), c -> true);
        Object first = camel.hasComponent("acme-1-3");
        assertThatThrownBy(() -> ComponentSession.start(camel, "acme-1-3", new DirectComponent(), c -> true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(camel.hasComponent("acme-1-3")).isSameAs(first);
    }
}
