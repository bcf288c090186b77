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
    private final PlannedAnswers<XeroReply> planned = new PlannedAnswers<>();

    synchronized void logContacts(XeroSimulator.ContactsRequest request) {
        if (contactsLog.size() == LOG_SIZE) {
            contactsLog.removeFirst();
        }
        contactsLog.addLast(request);
    }

    synchronized List<XeroSimulator.ContactsRequest> contactsLog() {
        return List.copyOf(contactsLog);
    }

    void plan(int count, XeroReply reply) {
        planned.plan(count, reply);
    }

    /** The planned answer for this API request, or null to serve it normally. */
    XeroReply nextPlanned() {
        return planned.next();
    }

    void clearPlans() {
        planned.clear();
    }

    synchronized void reset() {
        tokenRequests.set(0);
        contactsRequests.set(0);
        contactsLog.clear();
    }
}
