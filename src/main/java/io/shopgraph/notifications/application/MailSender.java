package io.shopgraph.notifications.application;

/**
 * The one way mails leave the application. The default, {@link QuarkusMailSender}, hands them to quarkus-mailer:
 * SMTP in production, the logged mock mailbox in dev mode and tests. Called by the sender with no transaction and
 * no database connection held. Throws {@link MailSendException} when the mail was not accepted (retried later).
 */
public interface MailSender {

    void send(OutgoingMail mail);

    /** One mail as the sender hands it over. {@code replyTo} may be null. */
    record OutgoingMail(String fromName, String fromAddress, String to, String replyTo, String subject, String text, String html) {
    }

    /** The mail was not accepted; the message says why in words an operator can act on (no secrets). */
    class MailSendException extends RuntimeException {
        public MailSendException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
