package io.taskhub.sandbox;

import java.util.NavigableSet;

/**
 * Paging through generated records without materialising them: the overlay stores keep generated records as indexes
 * 0..count-1 and note the ones changed or deleted, so a page starts at an index computed from the gaps alone.
 */
public final class GeneratedIndexes {

    private GeneratedIndexes() {
    }

    /** The index of the {@code n}-th (0-based) generated record at or after {@code from} that is not left out. */
    public static int nth(int from, int n, NavigableSet<Integer> leftOut) {
        int index = from + n;
        for (int gap : leftOut.tailSet(from, true)) {
            if (gap > index) {
                break;
            }
            index++;
        }
        return index;
    }
}
