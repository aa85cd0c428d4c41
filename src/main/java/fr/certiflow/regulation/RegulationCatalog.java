package fr.certiflow.regulation;

import fr.certiflow.referential.DataFiles;
import fr.certiflow.referential.ReferentialCatalog;
import fr.certiflow.referential.model.Problem;
import fr.certiflow.referential.model.Referential;
import java.util.function.Function;
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
 * The règlements Certiflow knows. At start every file of the configured folders is read, checked against the
 * référentiel it applies to, and published: a version is stored once, as first read, and never changes afterwards,
 * so that a campaign running under (référentiel, version, règlement version) always reads the same rules.
 */
@Service
public class RegulationCatalog implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(RegulationCatalog.class);

    private final RegulationProperties properties;
    private final RegulationVersionRepository repository;
    private final ReferentialCatalog referentials;
    private final ResourcePatternResolver resources;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    private volatile Map<Key, Regulation> published = Map.of();

    RegulationCatalog(RegulationProperties properties, RegulationVersionRepository repository,
            ReferentialCatalog referentials, ResourcePatternResolver resources, TransactionTemplate transactions) {
        this.properties = properties;
        this.repository = repository;
        this.referentials = referentials;
        this.resources = resources;
        this.transactions = transactions;
    }

    @Override
    public void afterPropertiesSet() {
        Map<Key, String> sources = new LinkedHashMap<>();
        for (Resource file : DataFiles.yamlFiles(resources, properties.locations(), "règlement")) {
            String source = DataFiles.describe(file);
            Regulation regulation = parse(source, file);
            Key key = Key.of(regulation);
            String other = sources.putIfAbsent(key, source);
            if (other != null) {
                throw new InvalidRegulationException(source, List.of(new Problem("version",
                        key + " is also defined in file '" + other + "'")));
            }
            publish(source, regulation);
        }
        reload();
        log.info("Règlements available: {}", published.keySet());
    }

    /** Reads and checks one file; public so that tools and tests read a file exactly as the start does. */
    public Regulation parse(String source, Resource file) {
        try (InputStream content = file.getInputStream()) {
            return parse(source, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read règlement file '" + source + "'", e);
        }
    }

    public Regulation parse(String source, InputStream content) {
        return read(source, content, version -> referentials.find(version.code(), version.version()).orElse(null));
    }

    /**
     * Reads and validates a règlement file against the référentiels {@code referentials} finds (null when unknown),
     * outside the application too (the form generator).
     */
    public static Regulation read(String source, InputStream content,
            Function<Regulation.ReferentialVersion, Referential> referentials) {
        Regulation regulation = ReferentialParser.read(source, content, Regulation.class, InvalidRegulationException::new);
        List<Problem> problems = new RegulationValidator().validate(regulation, referentials);
        if (!problems.isEmpty()) {
            throw new InvalidRegulationException(source, problems);
        }
        return regulation;
    }

    public Optional<Regulation> find(String referentialCode, int referentialVersion, int version) {
        return Optional.ofNullable(published.get(new Key(referentialCode, referentialVersion, version)));
    }

    /** The highest règlement version published for a référentiel version. */
    public Optional<Regulation> latest(String referentialCode, int referentialVersion) {
        return published.values().stream()
                .filter(regulation -> regulation.referential().code().equals(referentialCode)
                        && regulation.referential().version() == referentialVersion)
                .max(Comparator.comparingInt(Regulation::version));
    }

    public List<Regulation> list() {
        return List.copyOf(published.values());
    }

    private void publish(String source, Regulation regulation) {
        String content = DataFiles.toJson(regulation);
        String checksum = DataFiles.sha256(content);
        try {
            transactions.executeWithoutResult(status -> store(source, regulation, content, checksum));
        } catch (DataIntegrityViolationException raced) {
            // Another node published the same version at the same moment: compare with what it stored.
            transactions.executeWithoutResult(status -> store(source, regulation, content, checksum));
        }
    }

    private void store(String source, Regulation regulation, String content, String checksum) {
        Optional<RegulationVersionEntity> existing = repository.findByReferentialCodeAndReferentialVersionAndVersion(
                regulation.referential().code(), regulation.referential().version(), regulation.version());
        if (existing.isEmpty()) {
            repository.saveAndFlush(new RegulationVersionEntity(regulation, checksum, content, source, clock.instant()));
            log.info("Published règlement {} from {}", Key.of(regulation), source);
        } else if (!existing.get().checksum().equals(checksum)) {
            throw new InvalidRegulationException(source, List.of(new Problem("version", Key.of(regulation)
                    + " was published from '" + existing.get().sourceFile() + "' on " + existing.get().registeredAt()
                    + " with other content: a published règlement never changes, give the edited one a new version")));
        }
    }

    private void reload() {
        Map<Key, Regulation> loaded = new LinkedHashMap<>();
        for (RegulationVersionEntity entity : repository.findAllByOrderByIdAsc()) {
            if (entity.superseded()) {
                continue;
            }
            Regulation regulation = DataFiles.fromJson(entity.content(), Regulation.class);
            loaded.put(Key.of(regulation), regulation);
        }
        published = Map.copyOf(loaded);
    }

    private record Key(String referentialCode, int referentialVersion, int version) {

        static Key of(Regulation regulation) {
            return new Key(regulation.referential().code(), regulation.referential().version(), regulation.version());
        }

        @Override
        public String toString() {
            return "règlement " + version + " of référentiel " + referentialCode + " version " + referentialVersion;
        }
    }
}
