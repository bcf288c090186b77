package io.taskhub.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An account of an accounting provider's chart that invoices or expenses may be booked to. */
public record LedgerAccount(String code, String name, String type, @JsonProperty("class") String accountClass) {
}
