package io.taskhub.sync;

import java.net.InetAddress;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** This hub instance's name in leases: host plus a per-start suffix, so a restarted instance is a new holder. */
@Component
public class NodeId {

    private final String value;

    public NodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "hub";
        }
        this.value = host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String value() {
        return value;
    }

    /**
     * The holder of one run's lease: the run, not the instance, owns it, so that a second run of the same integration
     * (even on this instance) can neither write under it nor release it.
     */
    public String leaseOf(long runId) {
        return value + "/run-" + runId;
    }
}
