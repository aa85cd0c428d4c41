package fr.certiflow.regulation;

import fr.certiflow.referential.model.Referential;
import fr.certiflow.referential.model.ReferentialParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The seed's référentiel and the règlements of this checkout, read as the application reads them, without Spring. */
public final class Regulations {

    public static final Path SHIPPED = Path.of("src/main/resources/regulations/mmdc-v1-r2.yaml");
    public static final Path FOUR_LEVELS = Path.of("src/test/resources/fixtures/regulations-v2/mmdc-v1-r3.yaml");

    private Regulations() {
    }

    public static Referential seed() {
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/referentials/mmdc-v1.yaml"))) {
            return new ReferentialParser().parse("mmdc-v1.yaml", in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The règlement the demo ships: the certifier's current choices. */
    public static Regulation shipped() {
        return read(SHIPPED);
    }

    /** The test fixture's other choices: four levels, 75 %, A.5-CR4 required, three jurors, blocs valid five years. */
    public static Regulation fourLevels() {
        return read(FOUR_LEVELS);
    }

    public static Regulation read(Path file) {
        Referential seed = seed();
        try (InputStream in = Files.newInputStream(file)) {
            return RegulationCatalog.read(file.toString(), in,
                    version -> version.code().equals(seed.code()) && version.version() == seed.version() ? seed : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
