package fr.certiflow.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.certiflow.referential.DataFiles;
import fr.certiflow.referential.ReferentialCatalog;
import fr.certiflow.referential.model.ReferentialParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Revision 1 of the MMDC v1 règlement, which did not say what a resit keeps, superseded by revision 2: the Flyway step
 * moves the campaigns recorded under it and marks it, and the catalog no longer offers it.
 */
@Tag("unit")
class RegulationSupersededTests {

    @Test
    void theFlywayStepMovesTheCampaignsOfRevisionOneToRevisionTwoAndMarksItSuperseded() throws Exception {
        String url = "jdbc:h2:mem:superseded-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").table("cf_flyway_history").target("27").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement sql = connection.createStatement()) {
            sql.execute("insert into cf_regulation_version (referential_code, referential_version, version, title, checksum,"
                    + " content, source_file, registered_at) values ('MMDC', 1, 1, 'Règlement de certification MMDC v1', 'x',"
                    + " '{}', 'mmdc-v1-r1.yaml', current_timestamp), ('AUTRE', 1, 1, 'Autre', 'y', '{}', 'autre.yaml',"
                    + " current_timestamp)");
            for (String[] campaign : List.of(new String[] {"SOUS-R1", "MMDC", "1"}, new String[] {"AUTRE-R1", "AUTRE", "1"},
                    new String[] {"SOUS-V2", "MMDC", "2"})) {
                sql.execute("insert into cf_campaign (code, name, referential_code, referential_version, regulation_version,"
                        + " opens_at, jurors_per_production, resit_attempts, resit_period_days, reminder_days, status,"
                        + " created_at, row_version) values ('" + campaign[0] + "', 'Session', '" + campaign[1] + "', "
                        + campaign[2] + ", 1, current_timestamp, 2, 1, 30, 7, 'RUNNING', current_timestamp, 0)");
            }

            Flyway.configure().dataSource(url, "sa", "").table("cf_flyway_history").load().migrate();

            assertThat(rows(sql, "select code || ' ' || regulation_version from cf_campaign order by code"))
                    .containsExactly("AUTRE-R1 1", "SOUS-R1 2", "SOUS-V2 1");
            assertThat(rows(sql, "select referential_code || ' ' || version || ' ' || coalesce(cast(superseded_by as varchar),"
                    + " '-') || ' ' || title from cf_regulation_version order by referential_code"))
                    .as("revision 1 stays stored as published, marked superseded; other référentiels untouched")
                    .containsExactly("AUTRE 1 - Autre", "MMDC 1 2 Règlement de certification MMDC v1");
        }
    }

    @Test
    void theCatalogNoLongerOffersASupersededRevision() throws Exception {
        Regulation revision2 = Regulations.shipped();
        String revision1Text = Files.readString(Regulations.SHIPPED).replace("version: 2\n", "version: 1\n")
                .replace("  keep: \"validated-components\"\n", "");
        Regulation revision1 = ReferentialParser.read("mmdc-v1-r1.yaml",
                new ByteArrayInputStream(revision1Text.getBytes(StandardCharsets.UTF_8)), Regulation.class,
                InvalidRegulationException::new);
        assertThat(revision1.resits().keep()).isNull();
        RegulationVersionEntity stored1 = entity(revision1);
        ReflectionTestUtils.setField(stored1, "supersededBy", 2);
        RegulationVersionEntity stored2 = entity(revision2);

        RegulationVersionRepository repository = mock(RegulationVersionRepository.class);
        when(repository.findByReferentialCodeAndReferentialVersionAndVersion("MMDC", 1, 2)).thenReturn(Optional.of(stored2));
        when(repository.findAllByOrderByIdAsc()).thenReturn(new ArrayList<>(List.of(stored1, stored2)));
        ReferentialCatalog referentials = mock(ReferentialCatalog.class);
        when(referentials.find("MMDC", 1)).thenReturn(Optional.of(Regulations.seed()));
        RegulationCatalog catalog = new RegulationCatalog(new RegulationProperties(List.of("classpath:regulations/")),
                repository, referentials, new PathMatchingResourcePatternResolver(),
                new TransactionTemplate(mock(PlatformTransactionManager.class)));
        catalog.afterPropertiesSet();

        assertThat(catalog.find("MMDC", 1, 1)).isEmpty();
        assertThat(catalog.latest("MMDC", 1)).map(Regulation::version).contains(2);
        assertThat(catalog.list()).extracting(Regulation::title).containsExactly("Règlement de certification MMDC v1, révision 2");
        assertThat(catalog.find("MMDC", 1, 2).orElseThrow().resits().keepsValidatedComponents()).isTrue();
    }

    private static RegulationVersionEntity entity(Regulation regulation) {
        String content = DataFiles.toJson(regulation);
        return new RegulationVersionEntity(regulation, DataFiles.sha256(content), content, regulation.slug() + ".yaml",
                Instant.parse("2026-11-01T00:00:00Z"));
    }

    private static List<String> rows(Statement sql, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
