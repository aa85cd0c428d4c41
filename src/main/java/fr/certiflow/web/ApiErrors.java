package fr.certiflow.web;

import fr.certiflow.tabular.ImportProblem;
import fr.certiflow.tabular.ImportRefusedException;
import fr.certiflow.tabular.ImportTooLargeException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Error bodies of Certiflow's API: RFC 9457 problems whose {@code errors} list every problem found. */
@RestControllerAdvice
class ApiErrors {

    @ExceptionHandler(ImportRefusedException.class)
    ResponseEntity<ProblemDetail> importRefused(ImportRefusedException e) {
        return importProblem(HttpStatus.BAD_REQUEST, e);
    }

    @ExceptionHandler(ImportTooLargeException.class)
    ResponseEntity<ProblemDetail> importTooLarge(ImportTooLargeException e) {
        return importProblem(HttpStatus.PAYLOAD_TOO_LARGE, e);
    }

    private static ResponseEntity<ProblemDetail> importProblem(HttpStatus status, ImportRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle("Import refusé");
        List<Map<String, Object>> errors = e.problems().stream().map(ApiErrors::describe).toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Demande invalide");
        problem.setProperty("errors", e.problems().stream()
                .map(field -> Map.of("field", field.field(), "message", field.message())).toList());
        return ResponseEntity.badRequest().body(problem);
    }

    private static Map<String, Object> describe(ImportProblem problem) {
        java.util.LinkedHashMap<String, Object> error = new java.util.LinkedHashMap<>();
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
