package io.taskhub.sync;

import java.io.IOException;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;

/**
 * One results set of an export job being read, the variable {@code resultRows}: its CSV rows parsed one at a time
 * from the answer the provider's component holds, where they stand, and the locator of the next set (null: none).
 */
final class CsvResultRows {

    static final String VARIABLE = "resultRows";

    final String jobId;
    final String locator;
    final String nextLocator;
    private final MappingIterator<JsonNode> rows;
    private int read;

    CsvResultRows(String jobId, String locator, String nextLocator, MappingIterator<JsonNode> rows) {
        this.jobId = jobId;
        this.locator = locator;
        this.nextLocator = nextLocator;
        this.rows = rows;
    }

    /** Whether these are the rows a page asks for: this job's set at this locator, this far read. */
    boolean at(String jobId, String locator, int skip) {
        return this.jobId.equals(jobId) && Objects.equals(this.locator, locator) && read == skip;
    }

    boolean hasNext() throws IOException {
        return rows.hasNextValue();
    }

    JsonNode next() throws IOException {
        JsonNode row = rows.nextValue();
        read++;
        return row;
    }

    int read() {
        return read;
    }
}
