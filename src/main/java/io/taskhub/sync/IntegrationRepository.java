package io.taskhub.sync;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.model.IntegrationStatus;
import io.taskhub.model.ProviderLimits;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Integrations, their cursors and their lease. */
@Repository
public class IntegrationRepository {

    private static final String COLUMNS = "id, account_id, provider, status, status_reason, owner_email, credentials, "
            + "endpoint::text, settings::text, selected_types, interval_seconds, last_sync_at, last_full_sync_at";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<StoredIntegration> rowMapper = this::map;

    public IntegrationRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The id of an integration about to be inserted: its credentials are sealed for that id before the insert. */
    public long nextId() {
        return jdbc.queryForObject("select nextval(pg_get_serial_sequence('integration', 'id'))", Long.class);
    }

    public void insert(long id, long accountId, String provider, String ownerEmail, byte[] credentials,
                       Map<String, String> endpoint, Map<String, Object> settings, List<String> types,
                       int intervalSeconds) {
        jdbc.update("""
                insert into integration (id, account_id, provider, status, owner_email, credentials, endpoint,
                                         settings, selected_types, interval_seconds)
                values (?, ?, ?, 'ACTIVE', ?, ?, ?::jsonb, ?::jsonb, ?, ?)""",
                id, accountId, provider, ownerEmail, credentials, write(endpoint), write(settings),
                types.toArray(String[]::new), intervalSeconds);
    }

    /** The provider's organisation that webhooks name (see {@code Provider.tenantCredential}); null for none. */
    public void setTenantKey(long id, String tenantKey) {
        jdbc.update("update integration set tenant_key = ? where id = ?", tenantKey, id);
    }

    /** The active integrations, of any account, connected to this organisation of the provider. */
    public List<Long> activeWithTenant(String provider, String tenantKey) {
        return jdbc.queryForList("select id from integration where provider = ? and tenant_key = ? "
                + "and status = 'ACTIVE' order by id", Long.class, provider, tenantKey);
    }

    /** Active integrations of these providers whose tenant key was never stored (enabled before V31). */
    public List<Long> activeWithoutTenantKey(List<String> providers) {
        return jdbc.queryForList("select id from integration where provider = any(?) and tenant_key is null "
                + "and status = 'ACTIVE' and credentials is not null", Long.class,
                (Object) providers.toArray(String[]::new));
    }

    /** The sealed webhook secret, if the integration has one. */
    public Optional<byte[]> webhookSecret(long id) {
        return jdbc.query("select webhook_secret from integration where id = ? and webhook_secret is not null",
                (rs, row) -> rs.getBytes(1), id).stream().findFirst();
    }

    /** Stores a sealed webhook secret; {@code onlyIfNone} keeps the one a concurrent request stored first. */
    public void setWebhookSecret(long id, byte[] sealed, boolean onlyIfNone) {
        jdbc.update("update integration set webhook_secret = ? where id = ?"
                + (onlyIfNone ? " and webhook_secret is null" : ""), sealed, id);
    }

    public Optional<StoredIntegration> find(long accountId, long id) {
        return jdbc.query("select " + COLUMNS + " from integration where account_id = ? and id = ?", rowMapper,
                accountId, id).stream().findFirst();
    }

    public Optional<StoredIntegration> find(long id) {
        return jdbc.query("select " + COLUMNS + " from integration where id = ?", rowMapper, id).stream().findFirst();
    }

    public List<StoredIntegration> list(long accountId) {
        return jdbc.query("select " + COLUMNS + " from integration where account_id = ? order by id", rowMapper,
                accountId);
    }

    public List<StoredIntegration> active() {
        return jdbc.query("select " + COLUMNS + " from integration where status = 'ACTIVE' order by id", rowMapper);
    }

    public boolean hasLive(long accountId, String provider) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from integration where account_id = ? "
                + "and provider = ? and status <> 'UNLINKED')", Boolean.class, accountId, provider));
    }

    public List<Long> activeOwnedBy(long accountId, String email) {
        return jdbc.queryForList("select id from integration where account_id = ? and lower(owner_email) = lower(?) "
                + "and status = 'ACTIVE'", Long.class, accountId, email);
    }

    public void updateTypes(long id, List<String> types) {
        jdbc.update("update integration set selected_types = ? where id = ?", types.toArray(String[]::new), id);
    }

    public void updateSettings(long id, Map<String, Object> settings) {
        jdbc.update("update integration set settings = ?::jsonb where id = ?", write(settings), id);
    }

    public void updateInterval(long id, int intervalSeconds) {
        jdbc.update("update integration set interval_seconds = ? where id = ?", intervalSeconds, id);
    }

    /** Only an active integration needs re-enabling: one unlinked meanwhile (a run still in flight) stays unlinked. */
    public void needsReenable(long id, String reason) {
        jdbc.update("update integration set status = 'NEEDS_REENABLE', status_reason = ? where id = ? "
                + "and status = 'ACTIVE'", reason, id);
    }

    public void updateStatus(long id, IntegrationStatus status, String reason) {
        jdbc.update("update integration set status = ?, status_reason = ? where id = ?", status.name(), reason, id);
    }

    /** The next sync reconciles in full: whatever was deleted while the integration waited is found at once. */
    public void reenable(long id, String ownerEmail, byte[] credentials) {
        jdbc.update("update integration set status = 'ACTIVE', status_reason = null, owner_email = ?, credentials = ?, "
                + "credentials_legacy = false, last_full_sync_at = null where id = ?", ownerEmail, credentials, id);
    }

    /** Replaces the credentials unless someone changed them since they were read (a re-enable, an unlink). */
    public boolean replaceCredentials(long id, byte[] expected, byte[] replacement) {
        return jdbc.update("update integration set credentials = ?, credentials_legacy = false "
                + "where id = ? and credentials = ?", replacement, id, expected) == 1;
    }

    /** Credentials sealed by a version of the hub that did not bind them to their integration yet, by id. */
    public Map<Long, byte[]> legacyCredentials() {
        return jdbc.query("select id, credentials from integration where credentials_legacy", rs -> {
            Map<Long, byte[]> sealed = new java.util.HashMap<>();
            while (rs.next()) {
                sealed.put(rs.getLong(1), rs.getBytes(2));
            }
            return sealed;
        });
    }

    /** Unless the value changed meanwhile (another instance re-sealed it, an administrator re-enabled). */
    public void resealLegacy(long id, byte[] legacy, byte[] resealed) {
        jdbc.update("update integration set credentials = ?, credentials_legacy = false "
                + "where id = ? and credentials_legacy and credentials = ?", resealed, id, legacy);
    }

    public void unlink(long id) {
        jdbc.update("update integration set status = 'UNLINKED', status_reason = 'unlinked', credentials = null, "
                + "tenant_key = null, webhook_secret = null, credentials_legacy = false, lease_owner = null, "
                + "lease_until = null where id = ?", id);
        jdbc.update("delete from sync_cursor where integration_id = ?", id);
    }

    public Map<String, String> cursors(long id) {
        return jdbc.query("select type, position from sync_cursor where integration_id = ?", rs -> {
            Map<String, String> cursors = new java.util.HashMap<>();
            while (rs.next()) {
                cursors.put(rs.getString(1), rs.getString(2));
            }
            return cursors;
        }, id);
    }

    /** Forgets where the type's incremental fetch stood, so the next sync reads it whole. */
    public void resetCursor(long id, String type) {
        jdbc.update("delete from sync_cursor where integration_id = ? and type = ?", id, type);
    }

    /**
     * Whether no run holds the integration's lease, here or on another instance. The lease, not the scheduler, is
     * what guarantees that one integration is never synced twice at once. Asked under the integration's row lock.
     */
    public boolean leaseFree(long id) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select lease_until is null or lease_until < now() from integration where id = ?", Boolean.class, id));
    }

    /** Gives the lease to a run; the caller holds the row lock and saw it free. */
    public void lease(long id, String owner, Duration ttl) {
        jdbc.update("update integration set lease_owner = ?, lease_until = now() + make_interval(secs => ?) "
                + "where id = ?", owner, ttl.toSeconds(), id);
    }

    /** Extends a running run's lease; false when the run no longer holds it. */
    public boolean renewLease(long id, String owner, Duration ttl) {
        return jdbc.update("update integration set lease_until = now() + make_interval(secs => ?) "
                + "where id = ? and lease_owner = ? and lease_until >= now()", ttl.toSeconds(), id, owner) == 1;
    }

    /** Ends a run's lease as a success; false when the run had lost it, and then nothing changes. */
    public boolean releaseLease(long id, String owner, boolean full) {
        return jdbc.update("update integration set lease_owner = null, lease_until = null, last_sync_at = now(), "
                + "last_full_sync_at = case when ? then now() else last_full_sync_at end "
                + "where id = ? and lease_owner = ? and lease_until >= now()", full, id, owner) == 1;
    }

    /** The provider's budget as the integration's last sync saw it, if one saw any. */
    public Optional<ProviderLimits> limits(long id) {
        return jdbc.query("select provider_limits::text, provider_limits_at from integration where id = ? "
                + "and provider_limits is not null", (rs, n) -> new ProviderLimits(
                        rs.getTimestamp(2).toInstant(), readLimits(rs.getString(1))), id).stream().findFirst();
    }

    private Map<String, Long> readLimits(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Long>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable provider limits", e);
        }
    }

    /** Integrations with a RUNNING run whose lease lapsed: whoever ran it is gone. */
    public List<Long> withLapsedRuns() {
        return jdbc.queryForList("""
                select distinct r.integration_id from sync_run r join integration i on i.id = r.integration_id
                where r.status = 'RUNNING' and (i.lease_until is null or i.lease_until < now())""", Long.class);
    }

    public void dropLease(long id, String node) {
        jdbc.update("update integration set lease_owner = null, lease_until = null where id = ? and lease_owner = ?",
                id, node);
    }

    private StoredIntegration map(ResultSet rs, int row) throws SQLException {
        Array types = rs.getArray("selected_types");
        return new StoredIntegration(rs.getLong("id"), rs.getLong("account_id"), rs.getString("provider"),
                IntegrationStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                rs.getString("owner_email"), rs.getBytes("credentials"),
                read(rs.getString("endpoint"), new TypeReference<>() { }),
                read(rs.getString("settings"), new TypeReference<>() { }),
                Arrays.asList((String[]) types.getArray()), rs.getInt("interval_seconds"),
                instant(rs.getTimestamp("last_sync_at")), instant(rs.getTimestamp("last_full_sync_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value == null ? Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
