package io.shopgraph.notifications.application;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/**
 * The mail seam on quarkus-mailer's blocking {@link Mailer}: with {@code quarkus.mailer.mock=true} (the default in
 * dev mode and tests) mails are logged and kept in the mock mailbox; in production they go to the configured SMTP
 * server. Runs on the sender's own thread, never an event loop or a request's.
 */
@DefaultBean
@ApplicationScoped
public class QuarkusMailSender implements MailSender {

    private final Mailer mailer;

    public QuarkusMailSender(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void send(OutgoingMail mail) {
        Mail m = Mail.withText(mail.to(), mail.subject(), mail.text()).setHtml(mail.html())
                .setFrom(mail.fromName().isEmpty() ? mail.fromAddress() : "\"" + mail.fromName() + "\" <" + mail.fromAddress() + ">");
        if (mail.replyTo() != null) {
            m.setReplyTo(mail.replyTo());
        }
        try {
            mailer.send(m);
        } catch (RuntimeException e) {
            throw new MailSendException("The mail server did not accept the mail (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
