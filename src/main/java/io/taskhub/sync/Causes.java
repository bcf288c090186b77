package io.taskhub.sync;

/** Looks through the wrappers Camel and the HTTP clients put around a failure, for the part that explains it. */
public final class Causes {

    private Causes() {
    }

    /** The first throwable of that type in the cause chain, or null. */
    public static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The innermost cause's message: usually the provider's own words. */
    public static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
