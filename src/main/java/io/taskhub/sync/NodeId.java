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
}
