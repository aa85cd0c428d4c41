package fr.certiflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.errors.ConflictException;
import fr.certiflow.errors.ForbiddenException;
import fr.certiflow.errors.NotFoundException;
import fr.certiflow.errors.RefusedException;
import fr.certiflow.errors.RefusedException.Reason;
import fr.certiflow.errors.UnavailableException;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each domain error has one HTTP status, the same for the API and the console. */
@Tag("unit")
class DomainStatusesTests {

    @Test
    void eachKindOfDomainErrorHasItsStatus() {
        assertThat(DomainStatuses.of(new RefusedException("Champ « code » obligatoire.")).value()).isEqualTo(400);
        assertThat(DomainStatuses.of(new RefusedException(Reason.TOO_LARGE, null, "Trop gros.", List.of())).value()).isEqualTo(413);
        assertThat(DomainStatuses.of(new RefusedException(Reason.UNSUPPORTED_TYPE, null, "Pas un PDF.", List.of())).value()).isEqualTo(415);
        assertThat(DomainStatuses.of(new RefusedException(Reason.UNREADABLE, null, "Illisible.", List.of())).value()).isEqualTo(422);
        assertThat(DomainStatuses.of(new NotFoundException("Aucune campagne n° 9.")).value()).isEqualTo(404);
        assertThat(DomainStatuses.of(new ConflictException("Déjà lancée.")).value()).isEqualTo(409);
        assertThat(DomainStatuses.of(new ForbiddenException("Pas votre grille.")).value()).isEqualTo(403);
        assertThat(DomainStatuses.of(new UnavailableException("Un autre import est en cours.")).value()).isEqualTo(503);
    }
}
