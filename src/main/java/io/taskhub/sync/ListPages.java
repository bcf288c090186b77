package io.taskhub.sync;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A page source whose answers hold their records as one JSON list: checking an answer and reading its records is
 * then the same for every provider, and the source only says where the list is.
 *
 * @param <Q> the provider's request of one page
 */
public interface ListPages<Q> extends PageSource<Q> {

    /** The JSON pointer of the records' list in an answer: {@code /records}, or empty when the answer is the list. */
    String listAt(Q request);

    @Override
    default void check(Q request, JsonNode answer, String page) throws UnreadablePage {
        String at = listAt(request);
        if (!answer.at(at).isArray()) {
            throw new UnreadablePage(page,
                    at.isEmpty() ? "it is not a list of records" : "it holds no " + at.substring(1) + " list", null);
        }
    }

    @Override
    default List<JsonNode> records(Q request, JsonNode answer) {
        return answer.at(listAt(request)).valueStream().toList();
    }
}
