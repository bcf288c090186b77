package io.taskhub.sandbox.salesforce;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The SObject types the simulator serves, with their fields in the order {@code record(id)} reports them. */
enum SObjectType {

    OPPORTUNITY("Opportunity", "006", new String[][] {
            {"Id", "ID"}, {"Name", "STRING", "w"}, {"StageName", "STRING", "w"}, {"IsClosed", "BOOLEAN"},
            {"IsWon", "BOOLEAN"}, {"IsDeleted", "BOOLEAN"}, {"Amount", "NUMBER", "w"}, {"CloseDate", "DATE", "w"},
            {"OwnerId", "ID", "w"}, {"AccountId", "ID", "w"}, {"CreatedDate", "DATETIME"},
            {"LastModifiedDate", "DATETIME"}, {"SystemModstamp", "DATETIME"}}),

    CASE("Case", "500", new String[][] {
            {"Id", "ID"}, {"CaseNumber", "STRING"}, {"Subject", "STRING", "w"}, {"Status", "STRING", "w"},
            {"IsClosed", "BOOLEAN"}, {"IsDeleted", "BOOLEAN"}, {"Priority", "STRING", "w"}, {"OwnerId", "ID", "w"},
            {"CreatedDate", "DATETIME"}, {"LastModifiedDate", "DATETIME"}, {"SystemModstamp", "DATETIME"}});

    private final String apiName;
    private final String keyPrefix;
    private final List<FieldDef> fields;
    private final Map<String, FieldDef> byLowerName = new LinkedHashMap<>();

    final FieldDef id;
    final FieldDef isDeleted;
    final FieldDef createdDate;
    final FieldDef lastModifiedDate;
    final FieldDef systemModstamp;

    SObjectType(String apiName, String keyPrefix, String[][] fieldSpecs) {
        this.apiName = apiName;
        this.keyPrefix = keyPrefix;
        FieldDef[] defs = new FieldDef[fieldSpecs.length];
        for (int i = 0; i < fieldSpecs.length; i++) {
            String[] spec = fieldSpecs[i];
            defs[i] = new FieldDef(spec[0], FieldDef.Kind.valueOf(spec[1]), i, spec.length > 2);
            byLowerName.put(spec[0].toLowerCase(Locale.ROOT), defs[i]);
        }
        this.fields = List.of(defs);
        this.id = field("Id");
        this.isDeleted = field("IsDeleted");
        this.createdDate = field("CreatedDate");
        this.lastModifiedDate = field("LastModifiedDate");
        this.systemModstamp = field("SystemModstamp");
    }

    String apiName() {
        return apiName;
    }

    String keyPrefix() {
        return keyPrefix;
    }

    List<FieldDef> fields() {
        return fields;
    }

    /** SOQL field names are case-insensitive; returns null for an unknown field. */
    FieldDef field(String name) {
        return byLowerName.get(name.toLowerCase(Locale.ROOT));
    }

    FieldDef requireField(String name) {
        FieldDef def = field(name);
        if (def == null) {
            throw new IllegalArgumentException("No such field '" + name + "' on " + apiName);
        }
        return def;
    }

    /** SOQL object names are case-insensitive too; returns null for an unknown object. */
    static SObjectType byApiName(String name) {
        for (SObjectType type : values()) {
            if (type.apiName.equalsIgnoreCase(name)) {
                return type;
            }
        }
        return null;
    }

    /** The type an id belongs to, from its 3-character key prefix; null if the prefix is not simulated. */
    static SObjectType byId(String id) {
        if (id == null || id.length() < 3) {
            return null;
        }
        for (SObjectType type : values()) {
            if (id.startsWith(type.keyPrefix)) {
                return type;
            }
        }
        return null;
    }
}
