package io.taskhub.provider.insightly;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.provider.Provider;
import io.taskhub.sync.HttpPages;
import io.taskhub.sync.ListPages;
import io.taskhub.sync.MappedRecord;
import io.taskhub.sync.UserPages;
import org.springframework.stereotype.Component;

/**
 * Insightly's pages: {@code /{Type}} in full, or {@code /{Type}/Search?updated_after_utc} since the cursor, by
 * {@code skip}/{@code top}. Insightly documents the order of neither, so the cursor moves once the last page is
 * stored; offset pages can shift, so a full reconciliation confirms its unseen records by id before archiving them.
 * Records name their users by id: {@code /Users} is paged the same way. HTTP Basic with the API key on the pod's URL.
 */
@Component("insightlyPages")
public class InsightlyPages implements UserPages<InsightlyRequest>, HttpPages<InsightlyRequest>,
        ListPages<InsightlyRequest> {

    private final InsightlyMapper mapper;
    private final InsightlyProperties properties;
    private final DateTimeFormatter searchTime;

    public InsightlyPages(InsightlyProperties properties) {
        this.mapper = new InsightlyMapper(properties.archivedOpportunityStates(), properties.archivedProjectStatuses());
        this.properties = properties;
        this.searchTime = DateTimeFormatter.ofPattern(properties.searchTimeFormat()).withZone(ZoneOffset.UTC);
    }

    @Override
    public InsightlyRequest first(String type, Instant since) {
        return InsightlyRequest.records(InsightlyApi.resource(type), since == null ? null : searchTime.format(since),
                properties.pageSize(), properties.brief());
    }

    @Override
    public InsightlyRequest firstUsers() {
        return InsightlyRequest.users(properties.pageSize());
    }

    @Override
    public String listAt(InsightlyRequest request) {
        return "";
    }

    @Override
    public String answerTo(InsightlyRequest request) {
        return "Insightly's answer to " + request.path() + "?" + request.query();
    }

    @Override
    public InsightlyRequest next(InsightlyRequest request, JsonNode answer, int records) {
        return request.filledBy(records) ? request.next() : null;
    }

    @Override
    public MappedRecord map(String type, JsonNode record, ImportContext context) {
        InsightlyMapper.Mapped mapped = mapper.map(type, record, context.userEmails(),
                Set.copyOf(context.importedTypes()));
        return new MappedRecord(mapped.task(), mapped.client());
    }

    @Override
    public String id(String type, JsonNode record) {
        return InsightlyMapper.id(type, record);
    }

    @Override
    public Map.Entry<String, String> user(JsonNode record) {
        String id = record.path("USER_ID").asText("");
        String email = record.path("EMAIL_ADDRESS").asText("");
        return id.isBlank() || email.isBlank() ? null : Map.entry(id, email.trim());
    }

    @Override
    public String baseUrl(Provider.Connection connection) {
        return InsightlyApi.baseUrl(connection, properties.baseUrl());
    }

    @Override
    public String authorization(Provider.Connection connection) {
        return InsightlyApi.authorization(connection);
    }

    @Override
    public String recordPath(String type, String id) {
        return "/" + InsightlyApi.resource(type) + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    @Override
    public Duration overlap() {
        return properties.overlap();
    }
}
