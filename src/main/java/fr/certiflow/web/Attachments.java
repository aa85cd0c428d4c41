package fr.certiflow.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Files the API hands out to be saved, such as the import templates. */
public final class Attachments {

    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Attachments() {
    }

    /** An .xlsx workbook sent as an attachment named {@code filename}. */
    public static ResponseEntity<byte[]> xlsx(String filename, byte[] content) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .contentType(XLSX)
                .body(content);
    }
}
