package io.taskhub.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Answers a test planned for a simulator's next requests (throttling, server errors), served in the order they were
 * planned; when none is left, requests are served normally. Thread-safe: the hub calls from several threads.
 *
 * @param <A> the simulator's answer type
 */
public final class PlannedAnswers<A> {

    /** One plan: the answer and how many more requests get it (kept as a count, so a big count costs nothing). */
    private static final class Planned<A> {
        final A answer;
        int remaining;

        Planned(A answer, int remaining) {
            this.answer = answer;
            this.remaining = remaining;
        }
    }

    private final Deque<Planned<A>> planned = new ArrayDeque<>();

    /** The next {@code count} requests, after those planned before, get {@code answer}; a count below 1 plans none. */
    public synchronized void plan(int count, A answer) {
        if (count > 0) {
            planned.addLast(new Planned<>(answer, count));
        }
    }

    /** The planned answer for this request, or null to serve it normally. */
    public synchronized A next() {
        Planned<A> head = planned.peekFirst();
        if (head == null) {
            return null;
        }
        if (--head.remaining == 0) {
            planned.removeFirst();
        }
        return head.answer;
    }

    /** Drops the answers planned and not yet served. */
    public synchronized void clear() {
        planned.clear();
    }
}
