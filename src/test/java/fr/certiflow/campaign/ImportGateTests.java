package fr.certiflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.certiflow.errors.UnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ImportGateTests {

    final ImportGate gate = new ImportGate(Duration.ofMillis(200));

    @Test
    void aSecondImportWaitsItsTurnThenIsRefusedAsUnavailable() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return gate.oneAtATime(() -> {
                    started.countDown();
                    await(finish);
                    return "premier";
                });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        long before = System.nanoTime();
        assertThatThrownBy(() -> gate.oneAtATime(() -> "second")).isInstanceOfSatisfying(UnavailableException.class, e -> {
            // 503 for the API (web.DomainStatuses): the server is busy, nothing is wrong with the file.
            assertThat(e.getMessage()).isEqualTo("Un autre import est en cours sur ce serveur : rien n'a été importé, réessayez dans un instant.");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("it waited its turn first").isGreaterThanOrEqualTo(Duration.ofMillis(190));

        finish.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("premier");
        assertThat(gate.oneAtATime(() -> "après")).as("the turn is given back").isEqualTo("après");
    }

    @Test
    void theTurnIsGivenBackWhenAnImportFails() throws Exception {
        assertThatThrownBy(() -> gate.oneAtATime(() -> {
            throw new IllegalStateException("refusé");
        })).hasMessage("refusé");
        assertThat(gate.oneAtATime(() -> "suivant")).isEqualTo("suivant");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
