package io.taskhub.model;

/** What started a sync run. */
public enum RunTrigger {
    TIMER, FORCED, WEBHOOK
}
