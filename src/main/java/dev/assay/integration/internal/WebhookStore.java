package dev.assay.integration.internal;

import dev.assay.base.InstallationSecret;
import dev.assay.base.SealedBox;
import dev.assay.integration.WebhookDelivery;
import dev.assay.integration.WebhookEvent;
import dev.assay.integration.WebhookView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The webhook tables: endpoints (their signing secret sealed under the installation secret) and deliveries. Callers
 * decide who may act; this only reads and writes, in the caller's transaction.
 */
@Component
public class WebhookStore {

    /** An endpoint as the outbox and the dispatcher need it: where, which events, and the secret in clear. */
    public record Endpoint(long id, String url, Set<WebhookEvent> events, boolean active, String secret) {
    }

    private final JdbcClient jdbc;
    private final SealedBox box;

    WebhookStore(JdbcClient jdbc, InstallationSecret secret) {
        this.jdbc = jdbc;
        this.box = new SealedBox(secret, "webhook-secret");
    }

    public long insertEndpoint(String url, String description, Set<WebhookEvent> events, String secret, String by,
            Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into webhook_endpoint (url, description, events, secret_sealed, active, created_by, "
                + "created_at) values (?, ?, ?, ?, true, ?, ?)")
                .params(url, description, join(events), box.seal(secret), by, Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public int updateEndpoint(long id, String description, Set<WebhookEvent> events, boolean active) {
        return jdbc.sql("update webhook_endpoint set description = ?, events = ?, active = ? where id = ?")
                .params(description, join(events), active, id).update();
    }

    public int deleteEndpoint(long id) {
        jdbc.sql("delete from webhook_delivery where endpoint_id = ?").param(id).update();
        return jdbc.sql("delete from webhook_endpoint where id = ?").param(id).update();
    }

    public Optional<Endpoint> endpoint(long id) {
        return jdbc.sql("select id, url, events, active, secret_sealed from webhook_endpoint where id = ?").param(id)
                .query((rs, n) -> endpoint(rs)).optional();
    }

    /** Active endpoints subscribed to an event (without their secrets, which sending reads). */
    public List<Endpoint> subscribers(WebhookEvent event) {
        return jdbc.sql("select id, url, events, active from webhook_endpoint where active = true order by id")
                .query((rs, n) -> new Endpoint(rs.getLong("id"), rs.getString("url"), events(rs.getString("events")),
                        true, null)).list().stream()
                .filter(e -> e.events().contains(event)).toList();
    }

    public List<WebhookView> views() {
        return jdbc.sql("select e.id, e.url, e.description, e.events, e.active, e.created_by, e.created_at, "
                + "(select count(*) from webhook_delivery d where d.endpoint_id = e.id and d.state = 'PENDING') pending, "
                + "(select count(*) from webhook_delivery d where d.endpoint_id = e.id and d.state = 'FAILED') failed, "
                + "(select max(d.last_attempt_at) from webhook_delivery d where d.endpoint_id = e.id) last_attempt "
                + "from webhook_endpoint e order by e.id")
                .query((rs, n) -> new WebhookView(rs.getLong("id"), rs.getString("url"), rs.getString("description"),
                        events(rs.getString("events")), rs.getBoolean("active"), rs.getString("created_by"),
                        instant(rs, "created_at"), rs.getInt("pending"), rs.getInt("failed"),
                        instant(rs, "last_attempt"), null))
                .list().stream().map(v -> v.lastAttemptAt() == null ? v : new WebhookView(v.id(), v.url(),
                        v.description(), v.events(), v.active(), v.createdBy(), v.createdAt(), v.pending(), v.failed(),
                        v.lastAttemptAt(), lastStatus(v.id()))).toList();
    }

    private Integer lastStatus(long endpointId) {
        return jdbc.sql("select last_status from webhook_delivery where endpoint_id = ? and last_attempt_at is not null "
                + "order by last_attempt_at desc, id desc limit 1").param(endpointId)
                .query((rs, n) -> (Integer) rs.getObject("last_status", Integer.class)).optional().orElse(null);
    }

    /**
     * Queues one delivery, due at once, if the endpoint still exists (and, when {@code onlyActive}, is active); returns
     * its id, or -1 when there is no such endpoint. One statement: an endpoint an admin deletes at the same moment
     * means no delivery, never a failed insert that would undo the change being announced.
     */
    public long insertDelivery(long endpointId, String messageId, WebhookEvent event, String payload, Instant at,
            boolean onlyActive) {
        KeyHolder keys = new GeneratedKeyHolder();
        int rows = jdbc.sql("insert into webhook_delivery (endpoint_id, event_id, event_type, payload, created_at, state, "
                + "attempts, next_attempt_at) select id, ?, ?, ?, ?, 'PENDING', 0, ? from webhook_endpoint where id = ?"
                + (onlyActive ? " and active = true" : ""))
                .params(messageId, event.type(), payload, Timestamp.from(at), Timestamp.from(at), endpointId)
                .update(keys, "id");
        return rows == 0 || keys.getKey() == null ? -1 : keys.getKey().longValue();
    }

    /** Makes a delivery due again now, for one more attempt by hand; its attempts so far stay counted. */
    public void reopen(long id, Instant at) {
        jdbc.sql("update webhook_delivery set state = 'PENDING', next_attempt_at = ? where id = ? and state <> 'DELIVERED'")
                .params(Timestamp.from(at), id).update();
    }

    public Optional<WebhookDelivery> delivery(long id) {
        return jdbc.sql(SELECT_DELIVERY + " where id = ?").param(id).query((rs, n) -> delivery(rs)).optional();
    }

    public List<WebhookDelivery> deliveries(long endpointId, int offset, int limit) {
        return jdbc.sql(SELECT_DELIVERY + " where endpoint_id = ? order by id desc limit ? offset ?")
                .params(endpointId, limit, offset).query((rs, n) -> delivery(rs)).list();
    }

    public long deliveryCount(long endpointId) {
        return jdbc.sql("select count(*) from webhook_delivery where endpoint_id = ?").param(endpointId)
                .query(Long.class).single();
    }

    private static final String SELECT_DELIVERY = "select id, endpoint_id, event_id, event_type, created_at, state, "
            + "attempts, next_attempt_at, last_attempt_at, last_status, last_error, last_millis, delivered_at, payload "
            + "from webhook_delivery";

    private static WebhookDelivery delivery(ResultSet rs) throws SQLException {
        return new WebhookDelivery(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getString("event_id"),
                rs.getString("event_type"), instant(rs, "created_at"), WebhookDelivery.State.valueOf(rs.getString("state")),
                rs.getInt("attempts"), instant(rs, "next_attempt_at"), instant(rs, "last_attempt_at"),
                rs.getObject("last_status", Integer.class), rs.getString("last_error"),
                rs.getObject("last_millis", Integer.class), instant(rs, "delivered_at"), rs.getString("payload"));
    }

    private Endpoint endpoint(ResultSet rs) throws SQLException {
        return new Endpoint(rs.getLong("id"), rs.getString("url"), events(rs.getString("events")),
                rs.getBoolean("active"), box.open(rs.getString("secret_sealed")));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String join(Set<WebhookEvent> events) {
        return events.stream().sorted().map(WebhookEvent::type).collect(Collectors.joining(","));
    }

    private static Set<WebhookEvent> events(String stored) {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        Arrays.stream(stored.split(",")).map(String::strip).map(WebhookEvent::ofType)
                .forEach(e -> e.ifPresent(events::add));
        return events;
    }
}
