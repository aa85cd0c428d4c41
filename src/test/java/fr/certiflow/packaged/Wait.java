package fr.certiflow.packaged;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Waiting for what another process (the packaged application, its job executor) does, by polling (Awaitility). */
public final class Wait {

    private Wait() {
    }

    /** Polls every 100 ms until the condition holds; fails with the description after the timeout. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        try {
            Awaitility.await(what).pollInSameThread().atMost(timeout).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException timedOut) {
            throw new AssertionError("Not reached within " + timeout + ": " + what, timedOut);
        }
    }
}
