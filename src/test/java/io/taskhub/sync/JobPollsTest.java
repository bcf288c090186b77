package io.taskhub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.taskhub.config.HubProperties;
import io.taskhub.provider.Provider;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The waits of a job poll: doubling from the first up to the most, and none that would pass the run's deadline. */
class JobPollsTest {

    private final JobPolls polls = new JobPolls(new HubProperties(null, null, null, null, new HubProperties.Sync(0,
            null, null, null, null, 0, Duration.ofMinutes(1), 0, 0, 0, 0, null), null, null, null));
    private final Exchange exchange = new DefaultExchange(new DefaultCamelContext());

    JobPollsTest() {
        exchange.setProperty(SyncContext.PROPERTY, new SyncContext(1, 1, 1, mock(Provider.class), null,
                List.of("opportunities"), true, Map.of(), Map.of()));
    }

    @Test
    void eachCheckWaitsTwiceAsLongAsTheLastUpToTheMost() {
        List<Long> waits = IntStream.range(0, 6).mapToObj(check -> {
            exchange.setProperty(Exchange.LOOP_INDEX, check);
            return polls.backOff(exchange, Duration.ofSeconds(2), Duration.ofSeconds(30));
        }).toList();

        assertThat(waits).containsExactly(2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L);
    }

    @Test
    void aWaitThatWouldPassTheRunsDeadlineFailsTheRun() {
        assertThatThrownBy(() -> polls.backOff(exchange, Duration.ofMinutes(2), Duration.ofMinutes(5)))
                .hasMessageContaining("deadline");
    }
}
