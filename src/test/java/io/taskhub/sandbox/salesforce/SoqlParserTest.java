package io.taskhub.sandbox.salesforce;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SoqlParserTest {

    @Test
    void parsesTheSupportedSubsetCaseInsensitively() {
        SoqlQuery q = SoqlParser.parse("select ID, name FROM opportunity where SYSTEMMODSTAMP >= "
                + "2024-01-01T00:00:00.000+0000 and IsDeleted = FALSE and Amount > 1000 and CloseDate <= 2024-12-31"
                + " and StageName <> 'Closed\\'s' order by SystemModstamp asc, Id desc nulls first limit 10");

        assertThat(q.type()).isEqualTo(SObjectType.OPPORTUNITY);
        assertThat(q.fields()).extracting(FieldDef::name).containsExactly("Id", "Name");
        assertThat(q.conditions()).extracting(SoqlQuery.Condition::value)
                .containsExactly(1_704_067_200_000L, false, 1000.0, LocalDate.of(2024, 12, 31), "Closed's");
        assertThat(q.conditions().get(4).op()).isEqualTo(SoqlQuery.Operator.NE);
        assertThat(q.orderBy()).extracting(SoqlQuery.OrderItem::ascending).containsExactly(true, false);
        assertThat(q.orderBy().get(1).nullsFirst()).isTrue();
        assertThat(q.limit()).isEqualTo(10);
    }

    @Test
    void datetimeLiteralsInAllSalesforceForms() {
        long expected = 1_704_067_200_000L;
        for (String literal : new String[] {"2024-01-01T00:00:00Z", "2024-01-01T00:00:00.000Z",
                "2024-01-01T01:00:00+01:00", "2023-12-31T19:00:00.000-0500"}) {
            SoqlQuery q = SoqlParser.parse("SELECT Id FROM Case WHERE LastModifiedDate = " + literal);
            assertThat(q.conditions().get(0).value()).as(literal).isEqualTo(expected);
        }
    }

    @Test
    void nullComparisons() {
        SoqlQuery q = SoqlParser.parse("SELECT Id FROM Opportunity WHERE Amount = null AND Name != null");
        assertThat(q.conditions().get(0).test((Object) null)).isTrue();
        assertThat(q.conditions().get(0).test(5.0)).isFalse();
        assertThat(q.conditions().get(1).test((Object) null)).isFalse();
    }

    @Test
    void reportsErrorsInSalesforceOrder() {
        assertCode("SELECT Foo FROM Bar", "INVALID_TYPE");
        assertCode("SELECT Foo FROM Case", "INVALID_FIELD");
        assertCode("SELECT Foo FROM Bar WHERE", "MALFORMED_QUERY");
        assertCode("SELECT Id FROM Case WHERE IsClosed = 'true'", "INVALID_FIELD");
        assertCode("SELECT Id FROM Case WHERE Subject = Hello", "INVALID_FIELD");
        assertCode("SELECT Id FROM Case WHERE SystemModstamp > 2024-13-01T00:00:00Z", "INVALID_FIELD");
        assertCode("SELECT Id FROM Case WHERE Subject = 'open", "MALFORMED_QUERY");
        assertCode("SELECT Id FROM Case WHERE (IsClosed = true)", "MALFORMED_QUERY");
        assertCode("SELECT Id FROM Case LIMIT 5 extra", "MALFORMED_QUERY");
        assertCode("SELECT Id FROM Opportunity WHERE Amount < null", "MALFORMED_QUERY");
    }

    private static void assertCode(String soql, String code) {
        assertThatThrownBy(() -> SoqlParser.parse(soql)).as(soql).isInstanceOfSatisfying(
                SalesforceApiException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
    }
}
