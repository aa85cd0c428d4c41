package fr.certiflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.CertiflowApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The operator's way back into locked accounts: a start unlocks the administrator's account, and those named in
 * certiflow.unlock-users. Both starts run with the engine's old policy, where ten wrong passwords locked an account
 * until someone unlocked it (accounts locked before the throttle changed, or by an operator who restores that
 * policy): only the start can have unlocked them.
 */
@ExtendWith(OutputCaptureExtension.class)
@Tag("application")
class AccountUnlockAtStartTests {

    static final String OLD_MAX_ATTEMPTS = "camunda.bpm.generic-properties.properties.loginMaxAttempts=10";
    static final String OLD_MAX_DELAY = "camunda.bpm.generic-properties.properties.loginDelayMaxTime=60";

    final String database = "jdbc:h2:mem:unlock-" + UUID.randomUUID();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aStartUnlocksTheAdministratorAndTheListedAccounts(CapturedOutput output) throws Exception {
        // Keeps the in-memory database alive from one application to the next.
        try (Connection keepAlive = DriverManager.getConnection(database, "sa", "")) {
            try (ConfigurableApplicationContext first = start("first-admin-secret", "")) {
                IdentityService identity = first.getBean(IdentityService.class);
                user(identity, "locked.listed");
                user(identity, "locked.other");
                lockForGood(identity, "admin", "first-admin-secret");
                lockForGood(identity, "locked.listed", "locked.listed-secret");
                lockForGood(identity, "locked.other", "locked.other-secret");
            }
            ClockUtil.reset();

            // A restart as the issue tells it: a new administrator password, and a warning for an unknown id.
            try (ConfigurableApplicationContext second = start("second-admin-secret", "locked.listed, nobody")) {
                IdentityService identity = second.getBean(IdentityService.class);

                assertThat(identity.checkPassword("admin", "second-admin-secret")).isTrue();
                assertThat(identity.checkPassword("locked.listed", "locked.listed-secret")).isTrue();
                assertThat(identity.checkPassword("locked.other", "locked.other-secret")).as("not listed").isFalse();
            }
        }
        assertThat(output)
                .contains("Unlocked user admin (administrator, at start): 10 failed login attempt(s)")
                .contains("Changed the password of user admin to the configured one")
                .contains("Unlocked user locked.listed (certiflow.unlock-users): 10 failed login attempt(s)")
                .contains("Cannot unlock user nobody named in certiflow.unlock-users: there is no such user")
                .doesNotContain("Unlocked user locked.other");
    }

    /**
     * Without the Camunda webapps: their Spring Boot filters keep the last started application in a static field,
     * and these short-lived applications would leave the webapps of the test context shared by other classes
     * pointing at a closed one (their pages then answer 500).
     */
    private ConfigurableApplicationContext start(String adminPassword, String unlockUsers) {
        return new SpringApplicationBuilder(CertiflowApplication.class)
                .profiles("test")
                .run("--server.port=0", "--camunda.bpm.webapp.enabled=false", "--spring.datasource.url=" + database,
                        "--" + OLD_MAX_ATTEMPTS, "--" + OLD_MAX_DELAY, "--certiflow.admin.password=" + adminPassword,
                        "--certiflow.unlock-users=" + unlockUsers);
    }

    private static void user(IdentityService identity, String id) {
        User user = identity.newUser(id);
        user.setPassword(id + "-secret");
        identity.saveUser(user);
    }

    /** Ten wrong passwords, each once the previous delay has passed, as a patient stranger would try them. */
    private static void lockForGood(IdentityService identity, String id, String password) {
        Instant now = Instant.now();
        for (int attempt = 1; attempt <= 10; attempt++) {
            ClockUtil.setCurrentTime(Date.from(now));
            assertThat(identity.checkPassword(id, "wrong")).isFalse();
            now = now.plus(Duration.ofMinutes(1)).plusSeconds(1);
        }
        ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofDays(1))));
        assertThat(identity.checkPassword(id, password)).as("%s's right password a day later", id).isFalse();
    }
}
