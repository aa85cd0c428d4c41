package fr.certiflow.referential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.certiflow.referential.model.InvalidReferentialException;
import fr.certiflow.referential.model.Problem;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.referential.model.ReferentialParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The référentiels Certiflow knows. At start every file of the configured folders is read, validated and
 * published: a version is stored once, as first read, and never changes afterwards, so that a campaign that points
 * at (code, version) always reads the same référentiel. Versions stay available after their file is removed.
 */
@Service
public class ReferentialCatalog implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ReferentialCatalog.class);
    private static final Comparator<Referential> BY_CODE_AND_VERSION =
            Comparator.comparing(Referential::code).thenComparing(Referential::version);

    /** A mapper of its own: the stored JSON and its checksum must not depend on the application's Jackson set-up. */
    private final ObjectMapper storage = JsonMapper.builder().build();
    private final ReferentialParser parser = new ReferentialParser();
    private final ReferentialProperties properties;
    private final ReferentialVersionRepository repository;
    private final ResourcePatternResolver resources;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private volatile Map<String, Map<Integer, Published>> published = Map.of();

    ReferentialCatalog(ReferentialProperties properties, ReferentialVersionRepository repository,
            ResourcePatternResolver resources, TransactionTemplate transactions) {
        this.properties = properties;
        this.repository = repository;
        this.resources = resources;
        this.transactions = transactions;
        this.clock = Clock.systemUTC();
    }

    @Override
    public void afterPropertiesSet() {
        Map<String, Referential> files = readFiles();
        files.forEach(this::publish);
        reload();
        log.info("Référentiels available: {}", list().stream()
                .map(summary -> summary.code() + " v" + summary.version()).toList());
    }

    public List<ReferentialSummary> list() {
        return published.values().stream()
                .flatMap(versions -> versions.values().stream())
                .map(Published::summary)
                .sorted(Comparator.comparing(ReferentialSummary::code).thenComparing(ReferentialSummary::version))
                .toList();
    }

    /** The highest published version of a référentiel. */
    public Optional<Referential> latest(String code) {
        return Optional.ofNullable(published.get(code))
                .flatMap(versions -> versions.values().stream()
                        .map(Published::referential)
                        .max(BY_CODE_AND_VERSION));
    }

    public Optional<Referential> find(String code, int version) {
        return Optional.ofNullable(published.get(code))
                .map(versions -> versions.get(version))
                .map(Published::referential);
    }

    /**
     * Publishes a référentiel read from {@code source}: stores it when its version is new, accepts it unchanged when
     * the version is already published with the same content, refuses it otherwise.
     */
    void publish(String source, Referential referential) {
        String content = toJson(referential);
        String checksum = DataFiles.sha256(content);
        try {
            transactions.executeWithoutResult(status -> store(source, referential, content, checksum));
        } catch (DataIntegrityViolationException raced) {
            // Another node published the same version at the same moment: compare with what it stored.
            transactions.executeWithoutResult(status -> store(source, referential, content, checksum));
        }
    }

    private void store(String source, Referential referential, String content, String checksum) {
        Optional<ReferentialVersionEntity> existing =
                repository.findByCodeAndVersion(referential.code(), referential.version());
        if (existing.isEmpty()) {
            repository.saveAndFlush(new ReferentialVersionEntity(referential.code(), referential.version(),
                    referential.title(), checksum, content, source, clock.instant()));
            log.info("Published référentiel {} version {} from {}", referential.code(), referential.version(), source);
        } else if (!existing.get().checksum().equals(checksum)) {
            throw new PublishedReferentialChangedException(source, referential.code(), referential.version(),
                    existing.get().sourceFile(), existing.get().registeredAt());
        }
    }

    /** Rebuilds the in-memory view from the database, the single source of published versions. */
    void reload() {
        Map<String, Map<Integer, Published>> loaded = new LinkedHashMap<>();
        for (ReferentialVersionEntity entity : repository.findAllByOrderByCodeAscVersionAsc()) {
            Referential referential = fromJson(entity);
            loaded.computeIfAbsent(entity.code(), code -> new LinkedHashMap<>()).put(entity.version(),
                    new Published(referential, new ReferentialSummary(entity.code(), entity.version(),
                            entity.title(), entity.registeredAt())));
        }
        loaded.replaceAll((code, versions) -> Map.copyOf(versions));
        published = Map.copyOf(loaded);
    }

    private Map<String, Referential> readFiles() {
        Map<String, Referential> bySource = new LinkedHashMap<>();
        Map<String, String> sourceOfVersion = new LinkedHashMap<>();
        for (Resource file : DataFiles.yamlFiles(resources, properties.locations(), "référentiel")) {
            String source = DataFiles.describe(file);
            Referential referential;
            try (InputStream content = file.getInputStream()) {
                referential = parser.parse(source, content);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read référentiel file '" + source + "'", e);
            }
            String key = referential.code() + " version " + referential.version();
            String other = sourceOfVersion.putIfAbsent(key, source);
            if (other != null) {
                throw new InvalidReferentialException(source, List.of(new Problem("référentiel " + key,
                        "is also defined in file '" + other + "'")));
            }
            bySource.put(source, referential);
        }
        return bySource;
    }

    private String toJson(Referential referential) {
        try {
            return storage.writeValueAsString(referential);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise référentiel " + referential.code(), e);
        }
    }

    private Referential fromJson(ReferentialVersionEntity entity) {
        try {
            return storage.readValue(entity.content(), Referential.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored référentiel " + entity.code() + " version " + entity.version()
                    + " cannot be read", e);
        }
    }

    private record Published(Referential referential, ReferentialSummary summary) {
    }
}
