package fr.certiflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Where a message goes: the SMTP server of {@code spring.mail.host} when one is configured (Spring Boot then provides
 * the {@link JavaMailSender}), the log otherwise, so that a node without a mail server still empties its outbox
 * visibly (development, tests).
 */
@Component
class MailOutlet {

    private static final Logger log = LoggerFactory.getLogger(MailOutlet.class);

    /** Why a send failed: the server could not be reached (the message is not at fault), or it refused the message. */
    static final class SendFailure extends Exception {
        private final boolean serverUnavailable;

        SendFailure(String message, Throwable cause, boolean serverUnavailable) {
            super(message, cause);
            this.serverUnavailable = serverUnavailable;
        }

        boolean serverUnavailable() {
            return serverUnavailable;
        }
    }

    private final JavaMailSender sender;
    private final MailProperties properties;

    MailOutlet(ObjectProvider<JavaMailSender> sender, MailProperties properties) {
        this.sender = sender.getIfAvailable();
        this.properties = properties;
        if (this.sender == null) {
            log.info("No mail server configured (spring.mail.host): messages to candidates are written to this log");
        }
    }

    boolean smtp() {
        return sender != null;
    }

    void send(Outbox.Claimed mail) throws SendFailure {
        if (sender == null) {
            logged(mail);
            return;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(mail.recipient());
            helper.setSubject(mail.subject());
            helper.setText(mail.body(), false);
            // The outbox id lets a mail gateway or a reader of the mailbox recognise a message sent twice.
            message.setHeader("X-Certiflow-Notification", String.valueOf(mail.id()));
            sender.send(message);
        } catch (MessagingException e) {
            // An address the message cannot be built with: the message is at fault.
            throw new SendFailure(e.getMessage(), e, false);
        } catch (MailException e) {
            boolean unreachable = unreachable(e);
            if (unreachable && properties.logWhenUnreachable()) {
                log.warn("Mail server unreachable ({}): message written to the log instead", e.getMessage());
                logged(mail);
                return;
            }
            throw new SendFailure(e.getMessage(), e, unreachable);
        }
    }

    private static void logged(Outbox.Claimed mail) {
        log.info("Mail {} to {}\nObjet : {}\n{}", mail.id(), mail.recipient(), mail.subject(), mail.body());
    }

    /** The server did not answer or would not let us in: every message would fail alike. */
    static boolean unreachable(Throwable failure) {
        if (failure instanceof MailAuthenticationException) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException
                    || cause.getClass().getSimpleName().equals("MailConnectException")) {
                return true;
            }
            if (cause instanceof IOException && cause.getCause() == null && !(cause instanceof java.io.FileNotFoundException)) {
                // The connection broke mid-way (reset, closed): the server, not the message.
                return true;
            }
            if (cause instanceof MessagingException messaging && messaging.getNextException() != null
                    && messaging.getNextException() != cause.getCause()) {
                if (unreachable(messaging.getNextException())) {
                    return true;
                }
            }
        }
        return false;
    }
}
