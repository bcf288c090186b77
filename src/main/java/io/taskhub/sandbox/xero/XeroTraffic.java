package io.taskhub.sandbox.xero;

import io.taskhub.sandbox.PlannedAnswers;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** What the simulator was asked, for tests to assert on, and the failures planned for the next API requests. */
final class XeroTraffic {

    private static final int LOG_SIZE = 100;

    final AtomicInteger tokenRequests = new AtomicInteger();
    final AtomicInteger contactsRequests = new AtomicInteger();
    private final Deque<XeroSimulator.ContactsRequest> contactsLog = new ArrayDeque<>();
    private final Deque<Long> lastMinute = new ArrayDeque<>();
    private int today;
    private final PlannedAnswers<XeroReply> planned = new PlannedAnswers<>();
    private final AtomicInteger dropsAfterBooking = new AtomicInteger();
    /** API requests still served before the access tokens issued so far are revoked; below 0, none planned. */
    private final AtomicInteger servedBeforeRevocation = new AtomicInteger(-1);

    synchronized void logContacts(XeroSimulator.ContactsRequest request) {
        if (contactsLog.size() == LOG_SIZE) {
            contactsLog.removeFirst();
        }
        contactsLog.addLast(request);
    }

    synchronized List<XeroSimulator.ContactsRequest> contactsLog() {
        return List.copyOf(contactsLog);
    }

    /**
     * Xero's rate-limit headers on an API answer: what is left of the organisation's 5,000 calls a day and 60 a
     * minute, and of the app's 10,000 a minute (here: this simulator's calls).
     */
    synchronized XeroReply withLimits(XeroReply reply) {
        long now = System.currentTimeMillis();
        lastMinute.addLast(now);
        while (lastMinute.peekFirst() < now - 60_000) {
            lastMinute.removeFirst();
        }
        today++;
        return reply.withHeader("X-DayLimit-Remaining", String.valueOf(Math.max(0, 5000 - today)))
                .withHeader("X-MinLimit-Remaining", String.valueOf(Math.max(0, 60 - lastMinute.size())))
                .withHeader("X-AppMinLimit-Remaining", String.valueOf(Math.max(0, 10_000 - lastMinute.size())));
    }

    void dropAfterBooking(int count) {
        dropsAfterBooking.set(count);
    }

    /** Whether this booked request's answer is lost on the way back. */
    boolean dropsAnswer() {
        return dropsAfterBooking.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
    }

    void plan(int count, XeroReply reply) {
        planned.plan(count, reply);
    }

    /** The planned answer for this API request, or null to serve it normally. */
    XeroReply nextPlanned() {
        return planned.next();
    }

    void revokeAccessTokensAfter(int served) {
        servedBeforeRevocation.set(served);
    }

    /** Whether this API request is the one the planned revocation comes before. */
    boolean revocationDue() {
        return servedBeforeRevocation.getAndUpdate(n -> n < 0 ? n : n - 1) == 0;
    }

    void clearPlans() {
        planned.clear();
        servedBeforeRevocation.set(-1);
        dropsAfterBooking.set(0);
    }

    synchronized void reset() {
        tokenRequests.set(0);
        contactsRequests.set(0);
        contactsLog.clear();
        lastMinute.clear();
        today = 0;
    }
}
