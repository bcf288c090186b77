package io.taskhub.sandbox;

import java.util.List;

import io.taskhub.sandbox.insightly.InsightlySimulator;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The {@code sandbox} profile: local simulators of every provider, with generated data, inside the hub. */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
public class SandboxConfig {

    @Bean(destroyMethod = "close")
    SalesforceSimulator salesforceSimulator(SandboxProperties sandbox) {
        return SalesforceSimulator.start(SalesforceSimulator.Options.defaults()
                .withPort(sandbox.salesforcePort())
                .withOpportunities(sandbox.size())
                .withCases(sandbox.size()));
    }

    /** The demo users are Insightly users too, so that records owned by them are assigned to them. */
    @Bean(destroyMethod = "close")
    InsightlySimulator insightlySimulator(SandboxProperties sandbox) {
        return InsightlySimulator.start(InsightlySimulator.Options.defaults()
                .withPort(sandbox.insightlyPort())
                .withSize(sandbox.size())
                .withUsers(List.of(sandbox.adminEmail(), sandbox.userEmail(), "sales@insightly.example")));
    }
}
