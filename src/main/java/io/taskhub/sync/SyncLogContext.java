package io.taskhub.sync;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.MDC;

/**
 * The logging context of a sync's lines (MDC: {@code runId}, {@code integrationId}, {@code provider}), on the run's
 * thread and on the writer thread that stores its pages. Ids only: never a credential.
 */
final class SyncLogContext {

    private static final String[] KEYS = {"runId", "integrationId", "provider"};

    private SyncLogContext() {
    }

    /** Once the run is opened: its integration and provider join the run id. */
    static void enter(SyncContext sync) {
        enter(Map.of("runId", String.valueOf(sync.runId()), "integrationId", String.valueOf(sync.integrationId()),
                "provider", sync.provider()));
    }

    static Map<String, String> current() {
        Map<String, String> context = new LinkedHashMap<>();
        for (String key : KEYS) {
            String value = MDC.get(key);
            if (value != null) {
                context.put(key, value);
            }
        }
        return context;
    }

    static void enter(Map<String, String> context) {
        context.forEach(MDC::put);
    }

    static void leave() {
        for (String key : KEYS) {
            MDC.remove(key);
        }
    }
}
