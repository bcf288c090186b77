package io.taskhub.sandbox.salesforce;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Streams a query page straight from the typed record values into bytes: no per-record maps or trees. */
final class QueryResponseWriter {

    private static final JsonFactory FACTORY = ApiResponse.JSON.getFactory();

    private QueryResponseWriter() {
    }

    static byte[] write(long totalSize, boolean done, String nextRecordsUrl, List<SObjectRecord> records,
                        List<FieldDef> fields, String version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + records.size() * (120 + 40 * fields.size()));
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("totalSize", totalSize);
            json.writeBooleanField("done", done);
            if (nextRecordsUrl != null) {
                json.writeStringField("nextRecordsUrl", nextRecordsUrl);
            }
            json.writeArrayFieldStart("records");
            String sobjectsPath = "/services/data/v" + version + "/sobjects/";
            for (SObjectRecord record : records) {
                writeRecord(json, record, fields, sobjectsPath);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeRecord(JsonGenerator json, SObjectRecord record, List<FieldDef> fields,
                                    String sobjectsPath) throws IOException {
        String type = record.type.apiName();
        json.writeStartObject();
        json.writeObjectFieldStart("attributes");
        json.writeStringField("type", type);
        json.writeStringField("url", sobjectsPath + type + "/" + record.id());
        json.writeEndObject();
        Map<String, Object> raw = record.rawFields();
        if (raw != null) {
            for (Map.Entry<String, Object> entry : raw.entrySet()) {
                json.writeFieldName(entry.getKey());
                json.writeObject(entry.getValue());
            }
        } else {
            for (FieldDef field : fields) {
                json.writeFieldName(field.name());
                writeValue(json, field.kind(), record.get(field));
            }
        }
        json.writeEndObject();
    }

    private static void writeValue(JsonGenerator json, FieldDef.Kind kind, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
            return;
        }
        switch (kind) {
            case BOOLEAN -> json.writeBoolean((Boolean) value);
            case NUMBER -> json.writeNumber((Double) value);
            case DATETIME -> json.writeString(SalesforceDateTimes.format((Long) value));
            case DATE -> json.writeString(((LocalDate) value).toString());
            default -> json.writeString((String) value);
        }
    }
}
