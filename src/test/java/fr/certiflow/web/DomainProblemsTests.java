package fr.certiflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.errors.ConflictException;
import fr.certiflow.errors.NotFoundException;
import fr.certiflow.errors.RefusedException;
import fr.certiflow.errors.RefusedException.Reason;
import fr.certiflow.errors.UnavailableException;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A domain error becomes one French problem: its status, the title of what was refused, the message, each reason. */
@Tag("unit")
class DomainProblemsTests {

    private final ApiErrors errors = new ApiErrors(new MultipartProperties(), new ServerProperties());

    @Test
    void aRefusalThatNamesWhatWasRefusedKeepsThatTitleAndListsItsReasons() {
        ResponseEntity<ProblemDetail> response = errors.refused(new ConflictException("Grille refusée",
                "Grille refusée : Aucune évaluation de cette production n'attend le juré jure1.",
                List.of("Aucune évaluation de cette production n'attend le juré jure1.")));
        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail problem = response.getBody();
        assertThat(problem.getTitle()).isEqualTo("Grille refusée");
        assertThat(problem.getDetail()).isEqualTo("Grille refusée : Aucune évaluation de cette production n'attend le juré jure1.");
        assertThat(problem.getProperties()).containsEntry("errors", List.of("Aucune évaluation de cette production n'attend le juré jure1."));
    }

    @Test
    void withoutAHeadingTheTitleIsTheStatusOneAndWithoutReasonsThereIsNoErrorsList() {
        ProblemDetail notFound = errors.refused(new NotFoundException("Aucune campagne n° 9.")).getBody();
        assertThat(notFound.getStatus()).isEqualTo(404);
        assertThat(notFound.getTitle()).isEqualTo("Introuvable");
        assertThat(notFound.getDetail()).isEqualTo("Aucune campagne n° 9.");
        assertThat(notFound.getProperties()).isNull();

        ProblemDetail upload = errors.refused(new NotFoundException("Dépôt refusé", "Aucune production n° 7.")).getBody();
        assertThat(upload.getStatus()).isEqualTo(404);
        assertThat(upload.getTitle()).isEqualTo("Dépôt refusé");

        ProblemDetail busy = errors.refused(new UnavailableException("Un autre import est en cours sur ce serveur.")).getBody();
        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getTitle()).isEqualTo("Service indisponible");
    }

    @Test
    void aFileOfAnUnacceptedTypeIsA415() {
        ProblemDetail problem = errors.refused(new RefusedException(Reason.UNSUPPORTED_TYPE, "Dépôt refusé",
                "Le fichier « a.exe » n'est pas un document accepté.", List.of())).getBody();
        assertThat(problem.getStatus()).isEqualTo(415);
        assertThat(problem.getTitle()).isEqualTo("Dépôt refusé");
    }
}
