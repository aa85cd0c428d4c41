package fr.certiflow.packaged;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting for what another process (the packaged application, its job executor) does, by polling. */
public final class Wait {

    private Wait() {
    }

    /** Polls every 100 ms until the condition holds; fails with the description after the timeout. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant giveUp = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("Not reached within " + timeout + ": " + what);
            }
            Thread.sleep(100);
        }
    }
}
