package io.taskhub.provider.oauth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskhub.model.Connection;
import io.taskhub.model.ConnectionStatus;
import io.taskhub.model.Organisation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Connections started by signing in ({@code oauth_connection}): their state, by its hash, is used once. */
@Repository
public class ConnectionRepository {

    /** What the integration is created with, as the administrator asked when starting the connection. */
    public record Request(Map<String, String> endpoint, List<String> selectedTypes, int intervalSeconds,
                          Map<String, Object> settings, Long integrationId) {
    }

    /** A connection whose callback came in time: its state is spent. */
    public record Claimed(long id, long accountId, String provider, String startedBy, byte[] sealedVerifier,
                          Request request) {
    }

    /** A connection whose credentials wait for the client's choice of organisation. */
    public record Parked(Claimed connection, byte[] sealedCredentials) {
    }

    /** Why a callback's state is refused. */
    public enum Refusal {
        UNKNOWN, USED, EXPIRED
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ConnectionRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The id of a connection about to be inserted: its verifier is sealed for that id first. */
    public long nextId() {
        return jdbc.queryForObject("select nextval(pg_get_serial_sequence('oauth_connection', 'id'))", Long.class);
    }

    public void insert(long id, long accountId, String provider, String startedBy, byte[] stateHash,
                       byte[] sealedVerifier, Request request, Instant expiresAt) {
        jdbc.update("""
                insert into oauth_connection (id, account_id, provider, started_by, state_hash, verifier, request,
                                              status, expires_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, 'PENDING', ?)""",
                id, accountId, provider, startedBy, stateHash, sealedVerifier, write(request),
                Timestamp.from(expiresAt));
    }

    /** A pending connection past its time, without its callback or the choice it waits for, reads EXPIRED. */
    public Optional<Connection> find(long accountId, long id) {
        return jdbc.query("""
                select id, provider,
                       case when status = 'PENDING' and (claimed_at is null or parked is not null)
                                 and expires_at <= now() then 'EXPIRED'
                            else status end,
                       integration_id, error, case when parked is not null then organisations::text end
                from oauth_connection where account_id = ? and id = ?""",
                (rs, row) -> new Connection(rs.getLong(1), rs.getString(2), ConnectionStatus.valueOf(rs.getString(3)),
                        (Long) rs.getObject(4), rs.getString(5), organisations(rs.getString(6))),
                accountId, id).stream().findFirst();
    }

    /** The callback's credentials wait, sealed, for the client to choose an organisation, until {@code until}. */
    public void park(long id, byte[] sealedCredentials, List<Organisation> organisations, Instant until) {
        jdbc.update("update oauth_connection set parked = ?, organisations = ?::jsonb, expires_at = ? where id = ?",
                sealedCredentials, write(organisations), Timestamp.from(until), id);
    }

    /** Takes the parked credentials, once: only the first choice made in time gets them. */
    public Optional<Parked> takeParked(long accountId, long id) {
        // the row lock makes a second, concurrent choice find parked already null
        return jdbc.query("""
                with taken as (select id, parked from oauth_connection
                               where account_id = ? and id = ? and status = 'PENDING' and parked is not null
                                 and expires_at > now()
                               for update)
                update oauth_connection c set parked = null from taken where c.id = taken.id
                returning c.id, c.account_id, c.provider, c.started_by, taken.parked, c.request::text""",
                (rs, row) -> new Parked(new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        null, read(rs.getString(6))), rs.getBytes(5)), accountId, id).stream().findFirst();
    }

    /** Spends the state, once: only the first callback that brings it, in time, gets the connection. */
    public Optional<Claimed> claim(String provider, byte[] stateHash) {
        return jdbc.query("""
                update oauth_connection set claimed_at = now()
                where state_hash = ? and provider = ? and status = 'PENDING' and claimed_at is null
                  and expires_at > now()
                returning id, account_id, provider, started_by, verifier, request::text""",
                (rs, row) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5), read(rs.getString(6))), stateHash, provider).stream().findFirst();
    }

    /** Why {@link #claim} found nothing; a state brought too late ends its connection EXPIRED. */
    public Refusal refusal(String provider, byte[] stateHash) {
        List<Refusal> found = jdbc.query("""
                select case when status = 'EXPIRED' or (status = 'PENDING' and claimed_at is null) then 'EXPIRED'
                            else 'USED' end
                from oauth_connection where state_hash = ? and provider = ?""",
                (rs, row) -> Refusal.valueOf(rs.getString(1)), stateHash, provider);
        if (found.isEmpty()) {
            return Refusal.UNKNOWN;
        }
        jdbc.update("update oauth_connection set status = 'EXPIRED' where state_hash = ? and status = 'PENDING' "
                + "and claimed_at is null", stateHash);
        return found.get(0);
    }

    public void finish(long id, ConnectionStatus status, Long integrationId, String error) {
        jdbc.update("update oauth_connection set status = ?, integration_id = ?, error = ?, verifier = null, "
                + "parked = null where id = ?", status.name(), integrationId, error, id);
    }

    private List<Organisation> organisations(String text) {
        try {
            return text == null ? null : json.readValue(text, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored organisations are not JSON", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Request read(String text) {
        try {
            return json.readValue(text, Request.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored connection request is not JSON", e);
        }
    }
}
