package fr.certiflow.notification;

/** Where a message of the outbox stands. */
public enum NotificationStatus {
    /** Waiting to be sent (again, after a failed attempt, from {@code nextAttemptAt}). */
    PENDING,
    /** Accepted by the mail server. */
    SENT,
    /** Refused at every attempt: parked until an operator sends it again. */
    FAILED,
    /** The candidate has no e-mail address: nothing to send, reported to the coordinators. */
    NO_ADDRESS
}
