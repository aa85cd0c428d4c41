package fr.certiflow.referential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.certiflow.referential.model.Bloc;
import fr.certiflow.referential.model.Referential;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** A published référentiel version never changes: a campaign that points at it always reads the same tree. */
@SpringBootTest(properties = {"certiflow.referentials.locations=classpath:fixtures/referentials/second/",
        "certiflow.regulations.locations=classpath:fixtures/regulations-none/"})
@ActiveProfiles("test")
@DirtiesContext
@Tag("application")
class ReferentialPublicationTests {

    @Autowired
    ReferentialCatalog catalog;

    @Autowired
    ReferentialVersionRepository repository;

    @Test
    void republishingTheSameContentChangesNothing() {
        Referential tiny = catalog.find("TINY", 1).orElseThrow();
        long rows = repository.count();
        catalog.publish("copy.yaml", tiny);
        assertThat(repository.count()).isEqualTo(rows);
        assertThat(repository.findByCodeAndVersion("TINY", 1).orElseThrow().sourceFile()).endsWith("tiny-v1.yaml");
    }

    @Test
    void anEditedFileWithThePublishedVersionIsRefusedAndChangesNothing() {
        Referential tiny = catalog.find("TINY", 1).orElseThrow();
        Referential edited = retitled(tiny, 1, "Titre modifié");
        String before = repository.findByCodeAndVersion("TINY", 1).orElseThrow().content();

        assertThatThrownBy(() -> catalog.publish("edited.yaml", edited))
                .isInstanceOf(PublishedReferentialChangedException.class)
                .hasMessageContaining("Référentiel file 'edited.yaml' is invalid")
                .hasMessageContaining("référentiel TINY version 1: differs from the version published from '")
                .hasMessageContaining("give the edited référentiel a new version number");

        assertThat(repository.findByCodeAndVersion("TINY", 1).orElseThrow().content()).isEqualTo(before);
        catalog.reload();
        assertThat(catalog.find("TINY", 1).orElseThrow().title()).isEqualTo("Certification d'essai");
    }

    @Test
    void aNewVersionIsPublishedBesideTheOldOne() {
        Referential tiny = catalog.find("TINY", 1).orElseThrow();
        catalog.publish("tiny-v2.yaml", retitled(tiny, 2, "Certification d'essai, édition 2"));
        catalog.reload();

        assertThat(catalog.latest("TINY").orElseThrow().version()).isEqualTo(2);
        assertThat(catalog.find("TINY", 1).orElseThrow().title()).isEqualTo("Certification d'essai");
        assertThat(catalog.list()).extracting(summary -> summary.code() + " v" + summary.version())
                .containsExactly("TINY v1", "TINY v2");
    }

    private static Referential retitled(Referential referential, int version, String title) {
        List<Bloc> blocs = referential.blocs();
        return new Referential(referential.code(), version, title, blocs);
    }
}
