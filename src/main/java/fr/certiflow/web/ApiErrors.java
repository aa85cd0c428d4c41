package fr.certiflow.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import fr.certiflow.errors.DomainException;
import fr.certiflow.tabular.ImportProblem;
import fr.certiflow.tabular.ImportRefusedException;
import fr.certiflow.web.InvalidRequestException.FieldProblem;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Error bodies of Certiflow's API: RFC 9457 problems in French, whose {@code errors} list every problem found. Spring
 * MVC's own refusals (malformed JSON or multipart, a missing part, a wrong method or media type, an id that is not a
 * number…) get a French title and detail too, and nothing else is ever shown: no stack trace, no framework message.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private final MultipartProperties multipart;
    private final ServerProperties server;

    ApiErrors(MultipartProperties multipart, ServerProperties server) {
        this.multipart = multipart;
        this.server = server;
    }

    /** A refused file, each problem with its file, row and column (413 when the file is too large). */
    @ExceptionHandler(ImportRefusedException.class)
    ResponseEntity<ProblemDetail> importRefused(ImportRefusedException e) {
        HttpStatus status = DomainStatuses.of(e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(e.heading());
        List<Map<String, Object>> errors = e.problems().stream().map(ApiErrors::describe).toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.status(status).body(problem);
    }

    /**
     * Every refusal of Certiflow's own (see {@link DomainException}): its status, the title of what was refused or of
     * the status, its French message and, when it sums up several, each reason.
     */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> refused(DomainException e) {
        HttpStatus status = DomainStatuses.of(e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(e.heading() != null ? e.heading() : title(status));
        if (!e.reasons().isEmpty()) {
            problem.setProperty("errors", e.reasons());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(DomainStatuses.of(e), e.getMessage());
        problem.setTitle(e.heading());
        problem.setProperty("errors", e.problems().stream()
                .map(field -> Map.of("field", field.field(), "message", field.message())).toList());
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * A multipart body Tomcat cannot read (no boundary, truncated, garbled), or a file name with a NUL character,
     * which Tomcat refuses before Certiflow sees the name ({@link UploadedFileNames} checks the others); too large is
     * a 413 (see below).
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFileNameException name) {
                // Tomcat does not say which part: "file" is the only file part the API reads.
                return invalid(new InvalidRequestException(List.of(new FieldProblem("file",
                        UploadedFileNames.problem(name.getName())))));
            }
        }
        LOG.debug("Unreadable multipart body", e);
        return problem(HttpStatus.BAD_REQUEST, "Contenu multipart/form-data illisible : envoyez le fichier dans un "
                + "formulaire multipart/form-data bien formé.");
    }

    /** A parameter or header value the firewall refuses (a control character, say), read after the filters. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "Demande refusée : elle contient des caractères non permis.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (ServiceUnavailable.is(e)) {
            LOG.error("API request failed: the database is out of reach", e);
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "Service momentanément indisponible : la base de données ne "
                    + "répond pas. Réessayez dans quelques minutes.");
        }
        LOG.error("Unexpected error in the API", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Erreur interne : la demande n'a pas abouti. Réessayez, puis "
                + "signalez le problème à l'administrateur s'il persiste.");
    }

    /** Every error Spring MVC's handler knows, with a French title and, for the framework's own, a French detail. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            problem.setTitle(title(status));
            if (!(e instanceof ResponseStatusException statusException && statusException.getReason() != null)) {
                problem.setDetail(detail(e));
            }
        }
        return response;
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title(status));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String title(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "Demande invalide";
            case 401 -> "Authentification requise";
            case 403 -> "Accès refusé";
            case 404 -> "Introuvable";
            case 405 -> "Méthode non permise";
            case 406 -> "Format de réponse indisponible";
            case 409 -> "Conflit";
            case 413 -> "Contenu trop volumineux";
            case 415 -> "Type de contenu non pris en charge";
            case 503 -> "Service indisponible";
            default -> status.is4xxClientError() ? "Demande refusée" : "Erreur interne";
        };
    }

    private String detail(Exception e) {
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            return "La méthode " + method.getMethod() + " n'est pas permise à cette adresse"
                    + (method.getSupportedHttpMethods() == null || method.getSupportedHttpMethods().isEmpty() ? "."
                    : " ; méthodes permises : " + method.getSupportedHttpMethods().stream().map(Object::toString)
                    .sorted().collect(Collectors.joining(", ")) + ".");
        }
        if (e instanceof HttpMediaTypeNotSupportedException media) {
            return "Type de contenu " + (media.getContentType() == null ? "absent" : "« " + media.getContentType() + " »")
                    + " non pris en charge ; attendu : " + media.getSupportedMediaTypes().stream().map(Object::toString)
                    .collect(Collectors.joining(", ")) + ".";
        }
        if (e instanceof HttpMediaTypeNotAcceptableException media) {
            return "Aucun des formats de réponse demandés (en-tête Accept) n'est disponible ; formats disponibles : "
                    + media.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", ")) + ".";
        }
        if (e instanceof MissingServletRequestPartException part) {
            return "Partie « " + part.getRequestPartName() + " » absente du formulaire multipart/form-data.";
        }
        if (e instanceof MissingServletRequestParameterException parameter) {
            return "Paramètre « " + parameter.getParameterName() + " » obligatoire.";
        }
        if (e instanceof TypeMismatchException mismatch && !(e instanceof ConversionNotSupportedException)) {
            String value = printable(String.valueOf(mismatch.getValue()));
            Class<?> type = mismatch.getRequiredType();
            return type != null && Number.class.isAssignableFrom(ClassUtils.resolvePrimitiveIfNecessary(type))
                    ? "Identifiant « " + value + " » invalide (« " + mismatch.getPropertyName() + " ») : un nombre entier est attendu."
                    : "Valeur « " + value + " » invalide pour « " + mismatch.getPropertyName() + " ».";
        }
        if (e instanceof HttpMessageNotReadableException unreadable) {
            return unreadable(unreadable);
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return "Le contenu envoyé dépasse les tailles acceptées : " + megabytes(multipart.getMaxFileSize())
                    + " Mo par fichier, " + megabytes(multipart.getMaxRequestSize()) + " Mo par envoi, "
                    + server.getTomcat().getMaxPartHeaderSize().toKilobytes() + " Ko d'en-têtes par partie (nom du "
                    + "fichier compris).";
        }
        if (e instanceof NoResourceFoundException) {
            return "Aucune ressource à cette adresse.";
        }
        LOG.warn("API request refused by Spring MVC without a French message: {}", e.toString());
        return "La demande ne peut pas être traitée.";
    }

    /** Malformed JSON, or a field of the wrong type, named with its path (a date must be ISO 8601). */
    private static String unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonParseException) {
            return "Corps de la demande illisible : JSON mal formé.";
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            Class<?> type = mismatch.getTargetType();
            String value = cause instanceof InvalidFormatException format ? " « " + printable(String.valueOf(format.getValue())) + " »" : "";
            if (type != null && Temporal.class.isAssignableFrom(type)) {
                return "Champ « " + field + " » : date" + value + " invalide ; attendu : une date ISO 8601 existante, "
                        + "par exemple 2027-01-04T08:00:00Z.";
            }
            return "Champ « " + field + " » : valeur" + value + " invalide ou de type inattendu.";
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "Champ « " + path(mapping) + " » : valeur invalide.";
        }
        return "Corps de la demande illisible : un objet JSON est attendu.";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                : "[" + reference.getIndex() + "]").collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** At most 100 characters, control characters shown as U+XXXX: a value is quoted, never replayed raw. */
    private static String printable(String value) {
        StringBuilder text = new StringBuilder();
        value.codePoints().limit(100).forEach(c -> {
            if (Character.isISOControl(c)) {
                text.append(String.format("U+%04X", c));
            } else {
                text.appendCodePoint(c);
            }
        });
        return value.codePointCount(0, value.length()) > 100 ? text + "…" : text.toString();
    }

    private static long megabytes(DataSize size) {
        return size == null ? -1 : size.toMegabytes();
    }

    private static Map<String, Object> describe(ImportProblem problem) {
        LinkedHashMap<String, Object> error = new LinkedHashMap<>();
        error.put("file", problem.file());
        if (problem.row() != null) {
            error.put("row", problem.row());
        }
        if (problem.column() != null) {
            error.put("column", problem.column());
        }
        error.put("message", problem.message());
        error.put("text", problem.toString());
        return error;
    }
}
