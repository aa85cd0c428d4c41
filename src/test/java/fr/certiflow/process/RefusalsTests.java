package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A refused form submission reaches the user as its French message alone and the log as Certiflow's one line. */
@Tag("unit")
class RefusalsTests {

    final ObjectMapper json = new ObjectMapper();

    @Nested
    class Responses {

        final RefusalResponses responses = new RefusalResponses(json);

        @Test
        void theEnginesPrefixIsTakenOffAndTheRestKept() throws Exception {
            byte[] body = ("{\"type\":\"RestException\",\"message\":\"Cannot submit task form 5ba678d7-ec40-11f1: Évaluation "
                    + "incomplète : critère « Qualité » (A.4-CR1) : appréciation manquante\",\"code\":0}").getBytes(StandardCharsets.UTF_8);

            JsonNode plain = json.readTree(responses.withoutEnginePrefix(body));

            assertThat(plain.path("message").asText()).isEqualTo("Évaluation incomplète : critère « Qualité » (A.4-CR1) : appréciation manquante");
            assertThat(plain.path("type").asText()).isEqualTo("RestException");
            assertThat(plain.path("code").asInt()).isZero();
        }

        @Test
        void aStartFormRefusalToo() throws Exception {
            byte[] body = "{\"message\":\"Cannot instantiate process definition CampaignProcess:2:ab12: Champ(s) absent(s) du formulaire\"}"
                    .getBytes(StandardCharsets.UTF_8);

            assertThat(json.readTree(responses.withoutEnginePrefix(body)).path("message").asText())
                    .isEqualTo("Champ(s) absent(s) du formulaire");
        }

        @Test
        void anyOtherAnswerIsLeftAsItIs() {
            assertThat(responses.withoutEnginePrefix("{\"message\":\"Seul le juré désigné (jure1) évalue.\"}".getBytes(StandardCharsets.UTF_8))).isNull();
            assertThat(responses.withoutEnginePrefix("<html>400</html>".getBytes(StandardCharsets.UTF_8))).isNull();
            assertThat(responses.withoutEnginePrefix("[\"Cannot submit task form x: y\"]".getBytes(StandardCharsets.UTF_8))).isNull();
        }
    }

    @Nested
    class Logging {

        @Test
        void theEngineDoesNotLogARefusalAgainButLogsAnyOtherError() throws Exception {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            Logger engine = context.getLogger(RefusalLogging.ENGINE_COMMAND_LOGGER);
            ListAppender<ILoggingEvent> logged = new ListAppender<>();
            logged.start();
            engine.addAppender(logged);
            RefusalLogging filter = new RefusalLogging();
            filter.afterPropertiesSet();
            try {
                // As the engine's ContextLogger does: the message, then the exception as the last argument.
                engine.error("ENGINE-16004 Exception while closing command context: {}", "refusé",
                        new SubmissionRefusedException("Évaluation incomplète"));
                engine.error("ENGINE-16004 Exception while closing command context: {}", "refusé",
                        new ProcessEngineException("wrapped", new SubmissionRefusedException("Évaluation incomplète")));
                engine.error("ENGINE-16004 Exception while closing command context: {}", "bug", new IllegalStateException("bug"));
                context.getLogger("fr.certiflow.security").info("Refused the submission of task 1 by jure1: Évaluation incomplète");
            } finally {
                filter.destroy();
                engine.detachAppender(logged);
            }

            assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                    .containsExactly("ENGINE-16004 Exception while closing command context: bug");
        }
    }
}
