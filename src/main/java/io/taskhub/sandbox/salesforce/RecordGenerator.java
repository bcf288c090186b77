package io.taskhub.sandbox.salesforce;

import io.taskhub.sandbox.SeededChoice;
import java.time.LocalDate;
import java.util.List;

/**
 * Computes generated record i of a type from (seed, i) alone, so a data set of any size costs no memory. Record i
 * has SystemModstamp = {@link #BASE_STAMP} + i seconds: strictly increasing by index, which turns a SystemModstamp
 * filter into a binary search over the index range.
 */
final class RecordGenerator {

    /** A fixed instant in the past, so every change made through the control API sorts after generated data. */
    static final long BASE_STAMP = 1_704_067_200_000L; // 2024-01-01T00:00:00Z
    static final long STAMP_STEP_MILLIS = 1000;

    static final List<String> OPEN_STAGES = List.of("Prospecting", "Qualification", "Needs Analysis",
            "Value Proposition", "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote",
            "Negotiation/Review");
    static final String CLOSED_WON = "Closed Won";
    static final String CLOSED_LOST = "Closed Lost";
    static final List<String> CASE_STATUSES = List.of("New", "Working", "Escalated", "Closed");
    static final List<String> CASE_PRIORITIES = List.of("High", "Medium", "Low");

    // Weights per stage in the order OPEN_STAGES, Closed Won, Closed Lost: about 80 % of deals are open.
    private static final int[] STAGE_WEIGHTS = {15, 14, 12, 10, 8, 6, 8, 7, 12, 8};
    private static final int[] STATUS_WEIGHTS = {30, 35, 10, 25};
    private static final int[] PRIORITY_WEIGHTS = {20, 50, 30};
    private static final String[] COMPANIES = {"Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne",
            "Wonka", "Hooli", "Vandelay", "Soylent", "Cyberdyne", "Tyrell", "Massive Dynamic", "Oscorp",
            "Pied Piper", "Dunder Mifflin", "Gringotts", "Monarch", "Aperture", "Blue Sun"};
    private static final String[] COMPANY_SUFFIXES = {"Corp", "Inc", "Ltd", "GmbH", "LLC", "Group", "SA"};
    private static final String[] DEALS = {"New Business", "Renewal", "Expansion", "Upgrade", "Pilot",
            "Professional Services", "Support Contract", "Add-on Licenses"};
    private static final String[] SUBJECTS = {"Cannot log in to the portal", "Invoice amount is wrong",
            "Shipment delayed", "Feature request: export to CSV", "Password reset does not arrive",
            "Error 500 on checkout", "Product arrived damaged", "Question about upgrade pricing",
            "Sync with ERP stopped", "Report shows no data", "Cancel my subscription", "Need a training session"};
    private static final int OWNERS = 25;
    private static final int ACCOUNTS = 5_000;
    private static final long DAY = 86_400_000L;

    private static final SObjectType OPP = SObjectType.OPPORTUNITY;
    private static final SObjectType CASE = SObjectType.CASE;
    private static final FieldDef O_NAME = OPP.field("Name");
    private static final FieldDef O_STAGE = OPP.field("StageName");
    private static final FieldDef O_CLOSED = OPP.field("IsClosed");
    private static final FieldDef O_WON = OPP.field("IsWon");
    private static final FieldDef O_AMOUNT = OPP.field("Amount");
    private static final FieldDef O_CLOSE_DATE = OPP.field("CloseDate");
    private static final FieldDef O_OWNER = OPP.field("OwnerId");
    private static final FieldDef O_ACCOUNT = OPP.field("AccountId");
    private static final FieldDef C_NUMBER = CASE.field("CaseNumber");
    private static final FieldDef C_SUBJECT = CASE.field("Subject");
    private static final FieldDef C_STATUS = CASE.field("Status");
    private static final FieldDef C_CLOSED = CASE.field("IsClosed");
    private static final FieldDef C_PRIORITY = CASE.field("Priority");
    private static final FieldDef C_OWNER = CASE.field("OwnerId");

    private final SeededChoice choice;

    RecordGenerator(long seed) {
        this.choice = new SeededChoice(seed);
    }

    static long stampOf(int index) {
        return BASE_STAMP + index * STAMP_STEP_MILLIS;
    }

    /** Ids count from 1 so that index 0 does not get an all-zero id. */
    static String idOf(SObjectType type, int index) {
        return SalesforceIds.of(type.keyPrefix(), index + 1L);
    }

    static String stageOf(int weightedPick) {
        return weightedPick < OPEN_STAGES.size() ? OPEN_STAGES.get(weightedPick)
                : weightedPick == OPEN_STAGES.size() ? CLOSED_WON : CLOSED_LOST;
    }

    static boolean isClosedStage(String stage) {
        return CLOSED_WON.equals(stage) || CLOSED_LOST.equals(stage);
    }

    static String caseNumber(long counter) {
        return String.format("%08d", counter);
    }

    SObjectRecord generate(SObjectType type, int index) {
        Object[] v = new Object[type.fields().size()];
        long stamp = stampOf(index);
        long created = stamp - DAY / 24 - choice.pick(type, index, 1, 120) * DAY - choice.pick(type, index, 2, 86_400) * 1000L;
        v[type.id.slot()] = idOf(type, index);
        v[type.isDeleted.slot()] = Boolean.FALSE;
        v[type.createdDate.slot()] = created;
        v[type.lastModifiedDate.slot()] = stamp;
        v[type.systemModstamp.slot()] = stamp;
        if (type == OPP) {
            String stage = stageOf(choice.weighted(type, index, 3, STAGE_WEIGHTS));
            v[O_NAME.slot()] = COMPANIES[choice.pick(type, index, 4, COMPANIES.length)] + " "
                    + COMPANY_SUFFIXES[choice.pick(type, index, 5, COMPANY_SUFFIXES.length)] + " - "
                    + DEALS[choice.pick(type, index, 6, DEALS.length)];
            v[O_STAGE.slot()] = stage;
            v[O_CLOSED.slot()] = isClosedStage(stage);
            v[O_WON.slot()] = CLOSED_WON.equals(stage);
            v[O_AMOUNT.slot()] = (1 + choice.pick(type, index, 7, 400)) * 500.0;
            v[O_CLOSE_DATE.slot()] = LocalDate.ofEpochDay(Math.floorDiv(created, DAY) + 14 + choice.pick(type, index, 8, 170));
            v[O_OWNER.slot()] = SalesforceIds.of(SalesforceIds.USER_PREFIX, 1 + choice.pick(type, index, 9, OWNERS));
            v[O_ACCOUNT.slot()] = SalesforceIds.of(SalesforceIds.ACCOUNT_PREFIX, 1 + choice.pick(type, index, 10, ACCOUNTS));
        } else {
            String status = CASE_STATUSES.get(choice.weighted(type, index, 3, STATUS_WEIGHTS));
            v[C_NUMBER.slot()] = caseNumber(index + 1L);
            v[C_SUBJECT.slot()] = SUBJECTS[choice.pick(type, index, 4, SUBJECTS.length)];
            v[C_STATUS.slot()] = status;
            v[C_CLOSED.slot()] = "Closed".equals(status);
            v[C_PRIORITY.slot()] = CASE_PRIORITIES.get(choice.weighted(type, index, 5, PRIORITY_WEIGHTS));
            v[C_OWNER.slot()] = SalesforceIds.of(SalesforceIds.USER_PREFIX, 1 + choice.pick(type, index, 9, OWNERS));
        }
        return new SObjectRecord(type, v, null, false);
    }

}
