package io.shopgraph.checkout.application.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.shopgraph.checkout.application.CheckoutConfig;

/** The throttle's bookkeeping without the application: tokens taken up front, given back unless the attempt was a guess. */
class CodeGuessThrottleUnitTest {

    private static CodeGuessThrottle throttle(int perSession, int perClient, int maxKeys) {
        CheckoutConfig.CodeGuesses guesses = new CheckoutConfig.CodeGuesses() {
            public int perSession() {
                return perSession;
            }

            public int perClient() {
                return perClient;
            }

            public Duration refillPeriod() {
                return Duration.ofDays(1);
            }

            public int maxKeys() {
                return maxKeys;
            }
        };
        return new CodeGuessThrottle(() -> guesses);
    }

    @Test
    void givenBackAttemptsNeverCountAndGuessesDo() {
        CodeGuessThrottle throttle = throttle(2, 100, 1000);
        for (int i = 0; i < 50; i++) {
            throttle.take("cart", "client").giveBack();
        }
        throttle.take("cart", "client");
        throttle.take("cart", "client");
        assertThatThrownBy(() -> throttle.take("cart", "client")).isInstanceOfSatisfying(CodeGuessThrottle.Throttled.class,
                t -> assertThat(t.retryAfterSeconds()).isBetween(1, 86_400));
        throttle.take("other cart", "client"); // the session's allowance is its own
    }

    @Test
    void aSpentClientRefusesEverySessionAndTakesNothingFromIt() {
        CodeGuessThrottle throttle = throttle(5, 3, 1000);
        throttle.take("a", "client");
        throttle.take("b", "client");
        throttle.take("c", "client");
        assertThatThrownBy(() -> throttle.take("d", "client")).isInstanceOf(CodeGuessThrottle.Throttled.class);
        // d's refused attempt took nothing from d: with another client, d still has all 5.
        for (int i = 0; i < 5; i++) {
            throttle.take("d", "other client " + i);
        }
        assertThatThrownBy(() -> throttle.take("d", "yet another client")).isInstanceOf(CodeGuessThrottle.Throttled.class);
    }

    @Test
    void severalUnknownCodesInOneAttemptEachCountDownToAnEmptyAllowance() {
        CodeGuessThrottle throttle = throttle(10, 100, 1000);
        throttle.take("cart", "client").countUnknown(4);
        for (int i = 0; i < 6; i++) {
            throttle.take("cart", "client");
        }
        assertThatThrownBy(() -> throttle.take("cart", "client")).isInstanceOf(CodeGuessThrottle.Throttled.class);
        throttle.take("big", "client").countUnknown(50); // more than the allowance: it empties, nothing throws
        assertThatThrownBy(() -> throttle.take("big", "client")).isInstanceOf(CodeGuessThrottle.Throttled.class);
    }
}
