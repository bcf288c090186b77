package io.taskhub.provider.insightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.model.ContactDetails;
import io.taskhub.model.PostalAddress;
import org.junit.jupiter.api.Test;

/** Contact details read from and written onto Insightly records (fixtures/insightly), without Spring. */
class InsightlyDetailsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aContactsDetailsAreItsEmailPhonesAndMailAddress() throws IOException {
        ContactDetails carol = InsightlyDetails.details("contacts", fixture("contacts").get(0));
        assertThat(carol).isEqualTo(new ContactDetails("carol.cho@globex.example", null, "+1 555 0123", null, null,
                new PostalAddress("12 Elm Street\nSuite 4", "Springfield", null, "97403", "United States"), null));
    }

    @Test
    void anOrganisationsDetailsAreItsPhoneWebsiteAndAddresses() throws IOException {
        ContactDetails globex = InsightlyDetails.details("organisations", fixture("organisations").get(0));
        assertThat(globex.email()).isNull();
        assertThat(globex.website()).isEqualTo("https://globex.example");
        assertThat(globex.billing()).isEqualTo(new PostalAddress("1 Cypress Creek Road", "Springfield", "OR",
                "97403", "United States"));
        assertThat(globex.shipping()).isNull();
    }

    @Test
    void anUpdateWritesWhatIsSetIntoTheFieldsTheRecordHas() throws IOException {
        ContactDetails fromQuickBooks = new ContactDetails("ap@globex.example", "+1 555 0200", null, "+1 555 0201",
                "https://globex.example/new", new PostalAddress("4 Dock Road", "Bayshore", "CA", "94326", null),
                new PostalAddress("Dock 4", "Bayshore", "CA", "94326", null));
        JsonNode organisation = InsightlyDetails.update("organisations", fixture("organisations").get(0),
                fromQuickBooks);
        assertThat(organisation.toString()).isEqualTo("{\"ORGANISATION_ID\":152460101,\"PHONE\":\"+1 555 0200\","
                + "\"PHONE_FAX\":\"+1 555 0201\",\"WEBSITE\":\"https://globex.example/new\","
                + "\"ADDRESS_BILLING_STREET\":\"4 Dock Road\",\"ADDRESS_BILLING_CITY\":\"Bayshore\","
                + "\"ADDRESS_BILLING_STATE\":\"CA\",\"ADDRESS_BILLING_POSTCODE\":\"94326\","
                + "\"ADDRESS_SHIP_STREET\":\"Dock 4\",\"ADDRESS_SHIP_CITY\":\"Bayshore\",\"ADDRESS_SHIP_STATE\":\"CA\","
                + "\"ADDRESS_SHIP_POSTCODE\":\"94326\"}");

        JsonNode diaz = InsightlyDetails.update("contacts", fixture("contacts").get(1), fromQuickBooks);
        assertThat(diaz.toString()).as("a record without the fields is left as it is")
                .isEqualTo("{\"CONTACT_ID\":318800202,\"EMAIL_ADDRESS\":\"ap@globex.example\",\"PHONE\":\"+1 555 0200\"}");
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = InsightlyDetailsTest.class.getResourceAsStream("/fixtures/insightly/" + name + ".json")) {
            return JSON.readTree(in);
        }
    }
}
