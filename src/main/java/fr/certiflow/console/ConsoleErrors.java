package fr.certiflow.console;

import fr.certiflow.errors.DomainException;
import fr.certiflow.web.DomainStatuses;
import fr.certiflow.web.InvalidRequestException;
import fr.certiflow.web.ServiceUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's refusals and failures as a French page in its layout, with a way back and never a stack trace (the
 * API's advice answers JSON problems to the API only). Errors raised outside the console's controllers under
 * /certiflow/ reach {@link ConsoleErrorViews}: an address that leads nowhere, a failure before the controllers.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleErrors.class);

    private final ConsoleModel common;

    ConsoleErrors(ConsoleModel common) {
        this.common = common;
    }

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView refused(ResponseStatusException e) {
        return page(e.getStatusCode(), e.getReason() == null ? detail(e.getStatusCode()) : e.getReason());
    }

    /** Certiflow's own refusals, with the status the API gives them. */
    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException e) {
        return page(DomainStatuses.of(e), e.getMessage());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ModelAndView invalid(InvalidRequestException e) {
        return page(DomainStatuses.of(e),
                String.join(" ; ", e.problems().stream().map(p -> p.field() + " : " + p.message()).toList()));
    }

    /** Spring MVC's own refusals (a malformed id, a missing parameter…) keep their status; anything else is ours. */
    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        if (e instanceof ErrorResponse response) {
            return page(response.getStatusCode(), detail(response.getStatusCode()));
        }
        if (e instanceof org.springframework.beans.TypeMismatchException
                || e instanceof org.springframework.web.multipart.MultipartException) {
            return page(HttpStatus.BAD_REQUEST, detail(HttpStatus.BAD_REQUEST));
        }
        if (ServiceUnavailable.is(e)) {
            LOG.error("Console page failed: the database is out of reach", e);
            return page(HttpStatus.SERVICE_UNAVAILABLE, detail(HttpStatus.SERVICE_UNAVAILABLE));
        }
        LOG.error("Unexpected error in the console", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, detail(HttpStatus.INTERNAL_SERVER_ERROR));
    }

    ModelAndView page(HttpStatusCode status, String detail) {
        ModelAndView page = new ModelAndView("console/error");
        common.fill(page.getModel());
        page.setStatus(status);
        page.addObject("title", title(status));
        page.addObject("detail", detail);
        return page;
    }

    static String title(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "Demande invalide";
            case 403 -> "Accès refusé";
            case 404 -> "Introuvable";
            case 405 -> "Action impossible à cette adresse";
            case 413 -> "Fichier trop volumineux";
            case 503 -> "Service momentanément indisponible";
            default -> status.is4xxClientError() ? "Demande refusée" : "Erreur interne";
        };
    }

    static String detail(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "La demande ne peut pas être traitée : l'adresse ou le formulaire contient une valeur invalide.";
            case 403 -> "Votre rôle ne permet pas cette action.";
            case 404 -> "Aucune page à cette adresse : le lien est peut-être ancien ou mal recopié.";
            case 405 -> "Cette adresse ne permet pas cette action : revenez à la page précédente.";
            case 413 -> "Le fichier envoyé dépasse la taille acceptée.";
            case 503 -> "Certiflow ne peut pas répondre pour l'instant (base de données ou moteur indisponible). "
                    + "Réessayez dans quelques minutes ; si cela dure, prévenez l'administrateur.";
            default -> status.is4xxClientError() ? "La demande est refusée."
                    : "Une erreur inattendue a empêché d'afficher cette page ; rien n'a été modifié par cet affichage. "
                            + "Réessayez, puis signalez le problème à l'administrateur s'il persiste.";
        };
    }
}
