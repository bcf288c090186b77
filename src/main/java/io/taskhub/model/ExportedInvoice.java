package io.taskhub.model;

/** An invoice the provider created: its id there and the status it has there ({@code DRAFT}). */
public record ExportedInvoice(String invoiceId, String status) {
}
