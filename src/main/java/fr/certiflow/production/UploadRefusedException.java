package fr.certiflow.production;

import org.springframework.http.HttpStatus;

/** An upload Certiflow refuses, with the reason in French; nothing of it is stored. */
public class UploadRefusedException extends RuntimeException {

    private final HttpStatus status;

    UploadRefusedException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
