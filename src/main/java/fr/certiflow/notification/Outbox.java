package fr.certiflow.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox as the dispatcher works it, in SQL: claims are short transactions of their own, never held while a mail
 * is sent.
 *
 * <p>A claim locks the due rows with {@code for update skip locked} (PostgreSQL, and H2 since 2.2), so that two nodes
 * claiming at once take different messages, then stamps them with the node and a lease. The lease, not the lock,
 * keeps a message to its node while it is sent: a database without {@code skip locked} would make the second node
 * wait for the first's claim to commit, then find the rows leased, which is slower and just as safe.
 */
@Repository
class Outbox {

    /** What the dispatcher needs of a claimed message. */
    record Claimed(long id, String kind, String recipient, String subject, String body, int attempts) {
    }

    private final JdbcTemplate jdbc;

    Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public List<Claimed> claim(String node, int batchSize, Instant now, Instant leaseEnd) {
        List<Long> ids = jdbc.queryForList("select id from cf_notification where status = 'PENDING' and next_attempt_at <= ?"
                + " and (claimed_until is null or claimed_until < ?) order by next_attempt_at, id"
                + " fetch first " + batchSize + " rows only for update skip locked", Long.class, at(now), at(now));
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", ids.stream().map(String::valueOf).toList());
        jdbc.update("update cf_notification set claimed_by = ?, claimed_until = ? where id in (" + in + ")", node, at(leaseEnd));
        return jdbc.query("select id, kind, recipient, subject, body, attempts from cf_notification where id in (" + in
                + ") order by next_attempt_at, id", (rs, row) -> new Claimed(rs.getLong("id"), rs.getString("kind"),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")));
    }

    /** @return false when this node no longer held the message (its lease had run out and another node took it) */
    @Transactional
    public boolean sent(long id, String node, Instant now) {
        return jdbc.update("update cf_notification set status = 'SENT', sent_at = ?, claimed_by = null, claimed_until = null,"
                + " last_error = null where id = ? and claimed_by = ? and status = 'PENDING'", at(now), id, node) == 1;
    }

    /** A refusal of this message: tried again at {@code next}, or parked as FAILED when {@code parked}. */
    @Transactional
    public boolean refused(long id, String node, int attempts, Instant next, boolean parked, String error) {
        return jdbc.update("update cf_notification set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?,"
                + " claimed_by = null, claimed_until = null where id = ? and claimed_by = ? and status = 'PENDING'",
                parked ? "FAILED" : "PENDING", attempts, at(next), truncate(error), id, node) == 1;
    }

    /** The mail server could not be reached: the message waits, and the attempt does not count. */
    @Transactional
    public void postpone(long id, String node, Instant next, String error) {
        jdbc.update("update cf_notification set next_attempt_at = ?, last_error = ?, claimed_by = null, claimed_until = null"
                + " where id = ? and claimed_by = ? and status = 'PENDING'", at(next), truncate(error), id, node);
    }

    long count(NotificationStatus status) {
        Long count = jdbc.queryForObject("select count(*) from cf_notification where status = ?", Long.class, status.name());
        return count == null ? 0 : count;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
