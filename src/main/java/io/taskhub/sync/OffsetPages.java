package io.taskhub.sync;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An {@link HttpPages} source that pages a JSON list by offset ({@link OffsetRequest}): a full page is followed by
 * the next one. A record removed while the pages are read shifts the later pages by one, so that a record still
 * there can go unseen: a full reconciliation of such a source confirms what it did not see by id before archiving
 * it (route template {@code unseen-by-id}, named as {@code confirmUnseen}).
 */
public interface OffsetPages extends HttpPages<OffsetRequest>, ListPages<OffsetRequest> {

    @Override
    default OffsetRequest next(OffsetRequest request, JsonNode answer, int records) {
        return request.after(records);
    }
}
