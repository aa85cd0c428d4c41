package fr.certiflow.referential.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Reads a référentiel from its YAML file and validates it: a file that parses but breaks a rule is as unusable as
 * one that does not parse, so both end in an {@link InvalidReferentialException} naming the file.
 */
public final class ReferentialParser {

    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final ReferentialValidator validator = new ReferentialValidator();

    /**
     * @param source the file's name, used in every error message
     */
    public Referential parse(String source, InputStream content) {
        Referential referential = read(source, content, Referential.class, InvalidReferentialException::new);
        List<Problem> problems = validator.validate(referential);
        if (!problems.isEmpty()) {
            throw new InvalidReferentialException(source, problems);
        }
        return referential;
    }

    /**
     * Reads a YAML data file strictly (unknown fields, missing numbers and duplicate keys are problems); a file that
     * cannot be read ends in the exception {@code invalid} makes, naming the file, the element and the line.
     */
    public static <T> T read(String source, InputStream content, Class<T> type,
            BiFunction<String, List<Problem>, ? extends InvalidFileException> invalid) {
        try {
            byte[] bytes = content.readAllBytes();
            if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
                throw invalid.apply(source, List.of(new Problem("file", "is empty")));
            }
            T read = MAPPER.readValue(bytes, type);
            if (read == null) {
                throw invalid.apply(source, List.of(new Problem("file", "is empty")));
            }
            return read;
        } catch (JsonProcessingException e) {
            throw invalid.apply(source, List.of(describe(e)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read file '" + source + "'", e);
        }
    }

    private static Problem describe(JsonProcessingException e) {
        String where = location(e.getLocation());
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new Problem(path(unknown) + where, "unknown field '" + unknown.getPropertyName()
                    + "' (known fields: " + unknown.getKnownPropertyIds() + ")");
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new Problem(path(mapping) + where, firstLine(e.getOriginalMessage()));
        }
        return new Problem("file" + where, "is not valid YAML: " + firstLine(e.getOriginalMessage()));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "file" : path.toString();
    }

    private static String location(JsonLocation location) {
        return location == null || location.getLineNr() < 0
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "cannot be read";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
