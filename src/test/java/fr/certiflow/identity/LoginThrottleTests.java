package fr.certiflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The login throttle (application.yaml): wrong passwords slow a guesser down, exponentially up to five minutes, and
 * never lock an account for good, so that a stranger cannot shut a user, or the administrator, out of the service.
 * The engine dates the locks with its clock, which the tests move instead of waiting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("application")
class LoginThrottleTests {

    static final Duration MAX_DELAY = Duration.ofMinutes(5);

    @Autowired
    IdentityService identity;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;

    String userId;
    Instant now;

    @BeforeEach
    void createUser() {
        userId = "throttled." + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(userId);
        user.setPassword("right-secret");
        identity.saveUser(user);
        identity.createMembership(userId, Groups.COORDINATORS);
        now = Instant.now();
        ClockUtil.setCurrentTime(Date.from(now));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    void at(Instant time) {
        now = time;
        ClockUtil.setCurrentTime(Date.from(time));
    }

    boolean login(String password) {
        return identity.checkPassword(userId, password);
    }

    /**
     * Wrong passwords, each once the previous one's delay has passed (so that each counts).
     *
     * @return when the last one was tried
     */
    Instant wrongPasswords(int count) {
        Instant last = now;
        for (int attempt = 1; attempt <= count; attempt++) {
            last = now;
            assertThat(login("wrong-" + attempt)).isFalse();
            at(now.plus(MAX_DELAY).plusSeconds(1));
        }
        return last;
    }

    @Test
    void wrongPasswordsSpacedPastEachDelayNeverLockTheAccountForGood() {
        // Five times the engine's default maximum of 10 attempts, which used to lock the account until unlocked.
        Instant lastWrong = wrongPasswords(50);

        at(lastWrong.plus(MAX_DELAY).minusSeconds(1));
        assertThat(login("right-secret")).as("still within the delay of the last wrong password").isFalse();
        at(lastWrong.plus(MAX_DELAY));
        assertThat(login("right-secret")).as("the delay has passed").isTrue();
    }

    @Test
    void eachWrongPasswordInARowDoublesTheDelayUpToFiveMinutes() {
        long[] expectedSeconds = {3, 6, 12, 24, 48, 96, 192, 300, 300};
        for (int wrong = 1; wrong <= expectedSeconds.length; wrong++) {
            // A right password reset the count before this round: the delays start again from 3 seconds.
            Instant lastWrong = wrongPasswords(wrong);
            Duration delay = Duration.ofSeconds(expectedSeconds[wrong - 1]);

            at(lastWrong.plus(delay).minusMillis(500));
            assertThat(login("right-secret")).as("right password within the delay after %d wrong ones", wrong).isFalse();
            at(lastWrong.plus(delay));
            assertThat(login("right-secret")).as("right password once %s have passed after %d wrong ones", delay, wrong).isTrue();
        }
    }

    @Test
    void aStrangersWrongPasswordOverHttpDelaysTheUserOnEveryChannelThenLetsThemIn() {
        TestRestTemplate stranger = http.withBasicAuth(userId, "a-guess");
        TestRestTemplate user = http.withBasicAuth(userId, "right-secret");
        String tasks = "/engine-rest/engine/" + engine.getName() + "/task?maxResults=10";

        assertThat(stranger.getForEntity("/api/campaigns", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(user.getForEntity(tasks, String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(user.getForEntity("/api/campaigns", String.class).getStatusCode().value()).isEqualTo(401);

        at(now.plusSeconds(3));
        assertThat(user.getForEntity(tasks, String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(user.getForEntity("/api/campaigns", String.class).getStatusCode().value()).isEqualTo(200);
    }
}
