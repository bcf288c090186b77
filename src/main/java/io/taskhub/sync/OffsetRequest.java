package io.taskhub.sync;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One page of a list that an API serves by offset ({@code skip}/{@code top}, {@code offset}/{@code limit}): a GET of
 * a path with its query parameters, then the offset and the page size under the names the API gives them. Each page
 * starts where the last one ended, and only a full page may be followed by more.
 *
 * @param parameters the query's other parameters, in the order they are sent, not yet encoded
 */
public record OffsetRequest(String path, Map<String, String> parameters, String offsetName, int offset,
                            String sizeName, int size) implements HttpPages.Request {

    public OffsetRequest {
        if (offset < 0 || size < 1) {
            throw new IllegalArgumentException("an offset page starts at 0 or after and holds at least one record");
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The first page, at offset 0, with no other parameters yet. */
    public static OffsetRequest first(String path, String offsetName, String sizeName, int size) {
        return new OffsetRequest(path, Map.of(), offsetName, 0, sizeName, size);
    }

    /** This page with one more query parameter, sent after those it has. */
    public OffsetRequest with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(parameters);
        more.put(name, value);
        return new OffsetRequest(path, more, offsetName, offset, sizeName, size);
    }

    /** The page after this one. */
    public OffsetRequest next() {
        return new OffsetRequest(path, parameters, offsetName, offset + size, sizeName, size);
    }

    /** What to ask for after this page answered so many records: the next page, or null after a short one. */
    public OffsetRequest after(int records) {
        return records < size ? null : next();
    }

    @Override
    public String query() {
        Map<String, String> query = new LinkedHashMap<>(parameters);
        query.put(offsetName, Integer.toString(offset));
        query.put(sizeName, Integer.toString(size));
        return query.entrySet().stream()
                .map(p -> HttpPages.encoded(p.getKey()) + "=" + HttpPages.encoded(p.getValue()))
                .collect(Collectors.joining("&"));
    }
}
