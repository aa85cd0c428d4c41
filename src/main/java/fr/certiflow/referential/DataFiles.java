package fr.certiflow.referential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * What the catalogs of published data files (référentiels, règlements) share: finding the YAML files of their
 * folders, naming a file in messages, and storing a version as JSON with its checksum, independent of the
 * application's Jackson set-up.
 */
public final class DataFiles {

    private static final ObjectMapper STORAGE = JsonMapper.builder().build();

    private DataFiles() {
    }

    /** Every readable *.yaml / *.yml file of the folders, sorted by name. */
    public static List<Resource> yamlFiles(ResourcePatternResolver resources, List<String> locations, String kind) {
        List<Resource> files = new ArrayList<>();
        for (String location : locations) {
            String folder = location.endsWith("/") ? location : location + "/";
            for (String pattern : List.of("*.yaml", "*.yml")) {
                try {
                    for (Resource resource : resources.getResources(folder + pattern)) {
                        if (resource.isReadable()) {
                            files.add(resource);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot list " + kind + " files in " + folder, e);
                }
            }
        }
        files.sort(Comparator.comparing(DataFiles::describe));
        return files;
    }

    public static String describe(Resource file) {
        try {
            return file.getURI().toString();
        } catch (IOException e) {
            return file.getDescription();
        }
    }

    public static String toJson(Object value) {
        try {
            return STORAGE.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T fromJson(String content, Class<T> type) {
        try {
            return STORAGE.readValue(content, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored " + type.getSimpleName() + " cannot be read", e);
        }
    }

    public static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
