package io.taskhub.provider.insightly;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskhub.provider.Provider;
import io.taskhub.sync.HttpBasic;
import io.taskhub.sync.MappedRecord;
import io.taskhub.sync.OffsetPages;
import io.taskhub.sync.OffsetRequest;
import io.taskhub.sync.TenantUrl;
import io.taskhub.sync.UserPages;
import org.springframework.stereotype.Component;

/**
 * Insightly's pages: {@code /{Type}} in full, or {@code /{Type}/Search?updated_after_utc} since the cursor, in an
 * undocumented order, so the cursor moves once the last page is stored. Records name their users by id.
 */
@Component("insightlyPages")
public class InsightlyPages implements OffsetPages, UserPages<OffsetRequest> {

    private final InsightlyMapper mapper;
    private final InsightlyProperties properties;
    private final DateTimeFormatter searchTime;

    public InsightlyPages(InsightlyProperties properties) {
        this.mapper = new InsightlyMapper(properties.archivedOpportunityStates(), properties.archivedProjectStatuses());
        this.properties = properties;
        this.searchTime = DateTimeFormatter.ofPattern(properties.searchTimeFormat()).withZone(ZoneOffset.UTC);
    }

    @Override
    public OffsetRequest first(String type, Instant since) {
        OffsetRequest page = since == null
                ? OffsetRequest.first(collection(type), "skip", "top", properties.pageSize())
                : OffsetRequest.first(collection(type) + "/Search", "skip", "top", properties.pageSize())
                        .with("updated_after_utc", searchTime.format(since));
        return properties.brief() ? page.with("brief", "true") : page;
    }

    @Override
    public Directory<OffsetRequest> users() {
        return new Directory<>(OffsetRequest.first("/Users", "skip", "top", properties.pageSize()), "/USER_ID",
                "/EMAIL_ADDRESS");
    }

    @Override
    public String listAt(OffsetRequest request) {
        return "";
    }

    @Override
    public MappedRecord map(String type, JsonNode record, ImportContext context) {
        InsightlyMapper.Mapped mapped = mapper.map(type, record, context.userEmails(), context.importedTypes());
        return new MappedRecord(mapped.task(), mapped.client());
    }

    @Override
    public String id(String type, JsonNode record) {
        return InsightlyMapper.id(type, record);
    }

    @Override
    public String baseUrl(Provider.Connection connection) {
        return TenantUrl.baseUrl(connection, properties.baseUrl(), "pod", "na1");
    }

    @Override
    public String authorization(Provider.Connection connection) {
        return HttpBasic.apiKey(connection.credential("apiKey"));
    }

    @Override
    public String collection(String type) {
        if (!InsightlyMapper.TYPES.contains(type)) {
            throw new IllegalArgumentException("Insightly has no type " + type);
        }
        return "/" + Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }

    @Override
    public Duration overlap() {
        return properties.overlap();
    }
}
