package io.shopgraph.notifications;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mailer;
import io.quarkus.test.Mock;
import io.shopgraph.notifications.application.MailSender;
import io.shopgraph.notifications.application.QuarkusMailSender;

/**
 * The mail seam in tests: quarkus-mailer's mock mailbox (the real seam), which a test can tell to FAIL the next N
 * mails to one recipient (a mail server refusing them) or to HOLD them (a mail server that does not answer), per
 * recipient so that other tests' mails go on.
 */
@Mock
@ApplicationScoped
public class FlakyMailSender implements MailSender {

    static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();
    static final Map<String, CountDownLatch> HELD = new ConcurrentHashMap<>();

    private final QuarkusMailSender real;

    FlakyMailSender(Mailer mailer) {
        this.real = new QuarkusMailSender(mailer);
    }

    static void failNext(String recipient, int times) {
        FAILURES.put(recipient, new AtomicInteger(times));
    }

    static CountDownLatch hold(String recipient) {
        CountDownLatch gate = new CountDownLatch(1);
        HELD.put(recipient, gate);
        return gate;
    }

    @Override
    public void send(OutgoingMail mail) {
        CountDownLatch gate = HELD.get(mail.to());
        if (gate != null) {
            try {
                gate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        AtomicInteger failures = FAILURES.get(mail.to());
        if (failures != null && failures.getAndDecrement() > 0) {
            throw new MailSendException("Test mail server refused the mail (421 try again later)", null);
        }
        real.send(mail);
    }
}
