package fr.certiflow.campaign;

import fr.certiflow.errors.UnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One import at a time on a node. An import holds its table and the entities it saves (some 45 MB for a file at the
 * 10 MB limit), so concurrent imports would multiply that; the next one waits its turn for a while, then is
 * refused with 503 and nothing imported.
 */
final class ImportGate {

    interface Import<T> {
        T run() throws IOException;
    }

    private final Semaphore turn = new Semaphore(1, true);
    private final Duration wait;

    ImportGate(Duration wait) {
        this.wait = wait;
    }

    <T> T oneAtATime(Import<T> importing) throws IOException {
        boolean admitted;
        try {
            admitted = turn.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw new UnavailableException("Un autre import est en cours sur ce serveur : rien n'a été importé, réessayez dans un instant.");
        }
        try {
            return importing.run();
        } finally {
            turn.release();
        }
    }
}
