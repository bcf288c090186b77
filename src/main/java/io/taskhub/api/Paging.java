package io.taskhub.api;

/** The {@code page} and {@code size} of the listings: one set of bounds, checked here and documented from here. */
final class Paging {

    static final int FIRST_PAGE = 0;
    static final int LAST_PAGE = 1_000_000;
    static final int MIN_SIZE = 1;
    static final int MAX_SIZE = 500;
    static final int DEFAULT_SIZE = 50;

    private Paging() {
    }

    static int page(String value) {
        return Check.optionalInt("page", value, FIRST_PAGE, FIRST_PAGE, LAST_PAGE);
    }

    static int size(String value) {
        return Check.optionalInt("size", value, DEFAULT_SIZE, MIN_SIZE, MAX_SIZE);
    }
}
