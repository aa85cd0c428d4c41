package fr.certiflow.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox is sent ({@code certiflow.mail.*}); the SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param enabled whether this node sends the outbox at all
 * @param from the sender of every message
 * @param pollInterval pause between two looks at the outbox
 * @param batchSize messages claimed at once
 * @param lease how long a node keeps the messages it claimed; a node that dies mid-batch leaves them to another node
 *     after this (each message then may go out twice: see README « Mails to candidates »)
 * @param maxAttempts refusals of one message before it is parked as FAILED
 * @param firstRetry wait after the first refusal, doubled after each further one, up to {@code maxRetry}
 * @param maxRetry longest wait between two attempts
 * @param serverDownRetry wait when the mail server cannot be reached at all (no attempt is counted)
 * @param logWhenUnreachable write a message to the log instead when the mail server cannot be reached (demo profile,
 *     whose mail catcher may not run): never in production, where the message must wait for the server
 */
@ConfigurationProperties("certiflow.mail")
public record MailProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("certification@certiflow.local") String from,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1m") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetry,
        @DefaultValue("30s") Duration serverDownRetry,
        @DefaultValue("false") boolean logWhenUnreachable) {

    /** The wait before the next attempt, once {@code attempts} attempts have failed. */
    Duration retryAfter(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
