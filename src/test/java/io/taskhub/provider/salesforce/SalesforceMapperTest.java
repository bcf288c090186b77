package io.taskhub.provider.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.model.ArchiveReason;
import io.taskhub.model.TaskRecord;
import io.taskhub.provider.RecordRejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Salesforce rules of CONTRACT §4, from recorded query pages. */
class SalesforceMapperTest {

    private final SalesforceMapper mapper = new SalesforceMapper(Set.of("Closed Won", "Closed Lost"));

    @Test
    void onlyClosedWonAndClosedLostArchiveAnOpportunity() throws IOException {
        JsonNode records = fixture("opportunities-page.json").path("records");

        TaskRecord open = mapper.map("opportunities", records.get(0));
        assertThat(open.externalId()).isEqualTo("006Dn000004ABCdIAO");
        assertThat(open.name()).isEqualTo("Acme - 200 licences");
        assertThat(open.archivedReason()).isNull();
        assertThat(open.externalUpdatedAt()).isEqualTo(Instant.parse("2026-11-20T09:15:02Z"));

        assertThat(mapper.map("opportunities", records.get(1)).archivedReason()).isEqualTo(ArchiveReason.CLOSED);
        assertThat(mapper.map("opportunities", records.get(2)).archivedReason())
                .as("another closed stage stays active").isNull();
        assertThat(mapper.map("opportunities", records.get(4)).archivedReason()).isEqualTo(ArchiveReason.CLOSED);
    }

    @Test
    void aDeletedRecordIsArchivedAsDeletedWhateverItsStage() throws IOException {
        TaskRecord deleted = mapper.map("opportunities", fixture("opportunities-page.json").path("records").get(3));
        assertThat(deleted.archivedReason()).isEqualTo(ArchiveReason.DELETED);
    }

    @Test
    void theArchivingStagesAreASetting() throws IOException {
        SalesforceMapper wonOnly = new SalesforceMapper(Set.of("Closed Won"));
        JsonNode records = fixture("opportunities-page.json").path("records");
        assertThat(wonOnly.map("opportunities", records.get(4)).archivedReason()).isNull();
    }

    @Test
    void aClosedCaseIsArchivedAndACaseWithoutSubjectIsNamedByItsNumber() throws IOException {
        JsonNode records = fixture("cases-page.json").path("records");
        assertThat(mapper.map("cases", records.get(0)).archivedReason()).isNull();
        TaskRecord closed = mapper.map("cases", records.get(1));
        assertThat(closed.archivedReason()).isEqualTo(ArchiveReason.CLOSED);
        assertThat(closed.name()).isEqualTo("Case 00001027");
    }

    @Test
    void aRecordWithoutAUsableTimestampIsRejectedWithTheReason() throws IOException {
        JsonNode broken = fixture("cases-page.json").path("records").get(2);
        assertThatThrownBy(() -> mapper.map("cases", broken))
                .isInstanceOf(RecordRejected.class)
                .hasMessageContaining("SystemModstamp").hasMessageContaining("last tuesday");
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-20T09:15:02.000+0000, 2026-11-20T09:15:02Z",
            "2026-11-20T09:15:02.123+0530, 2026-11-20T03:45:02.123Z",
            "2024-02-29T23:59:59.999-0800, 2024-03-01T07:59:59.999Z",
            "2026-11-20T09:15:02Z, 2026-11-20T09:15:02Z",
            "2026-11-20T09:15:02.5+01:00, 2026-11-20T08:15:02.500Z"})
    void timestampsInSalesforcesShapeAndInIsoShapesMeanTheSameInstant(String stamp, String instant) {
        assertThat(SalesforceMapper.timestamp(record(stamp))).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T09:15:02.000+0000", "2026-11-20T24:15:02.000+0000",
            "2026-11-20T09:15:02.000+1900", "2026-11-2OT09:15:02.000+0000", "2026-11-20 09:15:02.000+0000"})
    void anImpossibleTimestampIsRejectedNotGuessed(String stamp) {
        assertThatThrownBy(() -> SalesforceMapper.timestamp(record(stamp)))
                .isInstanceOf(RecordRejected.class).hasMessageContaining(stamp);
    }

    private static JsonNode record(String stamp) {
        return new ObjectMapper().createObjectNode().put("SystemModstamp", stamp);
    }

    @Test
    void aRecordWithoutNameOrIdIsRejected() throws IOException {
        ObjectMapper json = new ObjectMapper();
        assertThatThrownBy(() -> mapper.map("opportunities", json.readTree(
                "{\"Id\":\"006x\",\"Name\":\" \",\"SystemModstamp\":\"2026-01-01T00:00:00.000+0000\"}")))
                .isInstanceOf(RecordRejected.class).hasMessage("Name is missing");
        assertThatThrownBy(() -> mapper.map("opportunities", json.readTree("{\"Name\":\"x\"}")))
                .isInstanceOf(RecordRejected.class).hasMessage("Id is missing");
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = SalesforceMapperTest.class.getResourceAsStream("/fixtures/salesforce/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
