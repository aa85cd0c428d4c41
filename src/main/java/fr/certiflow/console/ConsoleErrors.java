package fr.certiflow.console;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** The console's refusals as a French page (the API's advice answers JSON problems to the API only). */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView refused(ResponseStatusException e) {
        ModelAndView page = new ModelAndView("console/error");
        page.setStatus(e.getStatusCode());
        page.addObject("title", e.getStatusCode().value() == 404 ? "Introuvable" : "Demande refusée");
        page.addObject("detail", e.getReason());
        return page;
    }

    @ExceptionHandler(fr.certiflow.web.InvalidRequestException.class)
    ModelAndView invalid(fr.certiflow.web.InvalidRequestException e) {
        ModelAndView page = new ModelAndView("console/error");
        page.setStatus(HttpStatus.BAD_REQUEST);
        page.addObject("title", "Demande invalide");
        page.addObject("detail", String.join(" ; ", e.problems().stream().map(p -> p.field() + " : " + p.message()).toList()));
        return page;
    }
}
