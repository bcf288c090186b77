package io.taskhub.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.taskhub.sandbox.insightly.InsightlySimulator;
import io.taskhub.sandbox.insightly.InsightlyType;
import io.taskhub.sandbox.quickbooks.QuickBooksSimulator;
import io.taskhub.sandbox.salesforce.SalesforceSimulator;
import io.taskhub.sandbox.xero.XeroSimulator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The {@code sandbox} profile: local simulators of every provider, with generated data, inside the hub. */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
public class SandboxConfig {

    /** Real answers vary in time: this share of the latency either way. */
    private static final double LATENCY_JITTER = 0.2;

    @Bean(destroyMethod = "close")
    SalesforceSimulator salesforceSimulator(SandboxProperties sandbox) {
        return SalesforceSimulator.start(SalesforceSimulator.Options.defaults()
                .withPort(sandbox.salesforcePort())
                .withOpportunities(sandbox.size())
                .withCases(sandbox.size())
                .withRationing(latency(sandbox)));
    }

    /** The demo users are Insightly users too, so that records owned by them are assigned to them. */
    @Bean(destroyMethod = "close")
    InsightlySimulator insightlySimulator(SandboxProperties sandbox) {
        return InsightlySimulator.start(InsightlySimulator.Options.defaults()
                .withPort(sandbox.insightlyPort())
                .withSize(sandbox.size())
                .withUsers(List.of(sandbox.adminEmail(), sandbox.userEmail(), "sales@insightly.example"))
                .withRationing(latency(sandbox)));
    }

    @Bean(destroyMethod = "close")
    XeroSimulator xeroSimulator(SandboxProperties sandbox) {
        return XeroSimulator.start(XeroSimulator.Options.defaults()
                .withPort(sandbox.xeroPort())
                .withContacts(sandbox.size())
                .withRationing(latency(sandbox)));
    }

    /**
     * The company's first customers are some of the Insightly sandbox's organisations and contacts, spelt a little
     * differently, so that opening those clients in the hub suggests them.
     */
    @Bean(destroyMethod = "close")
    QuickBooksSimulator quickBooksSimulator(SandboxProperties sandbox, InsightlySimulator insightly) {
        return QuickBooksSimulator.start(QuickBooksSimulator.Options.defaults()
                .withPort(sandbox.quickbooksPort())
                .withSize(sandbox.size())
                .withSeededCustomers(customersLike(insightly))
                .withRationing(latency(sandbox)));
    }

    /** The demo answers at the latency asked for, and rations nobody: it has one customer per provider. */
    private static Rationing latency(SandboxProperties sandbox) {
        return Rationing.none().withLatency(sandbox.latency(), LATENCY_JITTER);
    }

    /**
     * Every third of the first thirty organisations by name (every other one in capitals), every third of the first
     * thirty contacts by email under another name, and a few contacts by name.
     */
    private static List<QuickBooksSimulator.SeededCustomer> customersLike(InsightlySimulator insightly) {
        List<QuickBooksSimulator.SeededCustomer> customers = new ArrayList<>();
        int organisations = Math.min(30, insightly.generated(InsightlyType.ORGANISATIONS));
        for (int i = 0; i < organisations; i += 3) {
            String name = (String) insightly.record(insightly.id(InsightlyType.ORGANISATIONS, i))
                    .get("ORGANISATION_NAME");
            customers.add(new QuickBooksSimulator.SeededCustomer(i % 2 == 0 ? name.toUpperCase(Locale.ROOT) : name,
                    name, "accounts@" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".example"));
        }
        int contacts = Math.min(30, insightly.generated(InsightlyType.CONTACTS));
        for (int i = 1; i < contacts; i += 3) {
            Map<String, Object> contact = insightly.record(insightly.id(InsightlyType.CONTACTS, i));
            String name = contact.get("FIRST_NAME") + " " + contact.get("LAST_NAME");
            customers.add(i % 2 == 0
                    ? new QuickBooksSimulator.SeededCustomer(name, null, null)
                    : new QuickBooksSimulator.SeededCustomer(name + " (billing)", null,
                            (String) contact.get("EMAIL_ADDRESS")));
        }
        return customers;
    }
}
