package io.taskhub.sandbox.salesforce;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class QueryCursorStoreTest {

    @Test
    void cursorsExpireAfterIdlePeriodButUseKeepsThemAlive() {
        AtomicLong now = new AtomicLong(1_000);
        QueryCursorStore store = new QueryCursorStore(now::get, QueryCursorStore.DEFAULT_IDLE_MILLIS);
        QueryEngine.Plan plan = new QueryEngine(new RecordStore(1, 10, 10))
                .plan(SoqlParser.parse("SELECT Id FROM Case"), false);
        QueryCursor used = store.open(plan, 10, 200, new QueryCursor.Position(0, null));
        QueryCursor idle = store.open(plan, 10, 200, new QueryCursor.Position(0, null));

        now.addAndGet(QueryCursorStore.DEFAULT_IDLE_MILLIS - 1);
        assertThat(store.get(used.locator)).isSameAs(used);
        now.addAndGet(2);

        assertThat(store.get(idle.locator)).isNull();
        assertThat(store.get(used.locator)).isSameAs(used);
        now.addAndGet(QueryCursorStore.DEFAULT_IDLE_MILLIS + 1);
        store.sweep();
        assertThat(store.size()).isZero();
    }
}
