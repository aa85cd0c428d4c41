package fr.certiflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.documents.MinutesService;
import fr.certiflow.documents.ProgressWorkbook;
import fr.certiflow.process.AssessmentFixture;
import fr.certiflow.progress.CampaignProgress;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo campaign's documents as they print, made by the application from its data (twelve candidates, two groups,
 * a VAE candidate, a bloc acquired earlier), not by hand: the minutes (PV) and the progress workbook, checked as
 * {@link PrintedDocumentsTests} checks every workbook. PDFs in {@code target/render/demo/pdf}.
 */
@SpringBootTest(properties = "certiflow.admin.password=admin")
@ActiveProfiles({"test", "demo"})
@Tag("application")
class DemoDocumentsPrintedTests {

    @Autowired
    CampaignRepository campaigns;
    @Autowired
    MinutesService minutes;
    @Autowired
    CampaignProgress progress;
    @Autowired
    AssessmentFixture fixture;

    @Test
    void theDemosMinutesAndProgressPrintWholeInsideThePageAt8PointsOrMoreWithoutOverlaps() throws Exception {
        Assumptions.assumeTrue(PrintedDocumentsTests.installed("soffice") && PrintedDocumentsTests.installed("pdftotext"),
                "LibreOffice and poppler needed");
        // The launch's jobs (run by the job executor in the demo): every candidate's productions open.
        fixture.runJobs();
        Campaign demo = campaigns.findByCode("DEMO-2027").orElseThrow();
        Path folder = Files.createDirectories(PrintedDocumentsTests.RENDER.resolve("demo"));
        Path pv = folder.resolve("pv-demo.xlsx");
        Files.write(pv, minutes.minutes(demo.getId()));
        try (OutputStream out = Files.newOutputStream(folder.resolve("avancement-demo.xlsx"))) {
            ProgressWorkbook.write(out, progress.of(demo.getId()));
        }
        // The demo's people are in the PV, by name, with the VAE route and the bloc acquired earlier.
        assertThat(PrintedWords.expected(pv)).contains("Martin", "Léa", "Laurent", "Adam", "VAE", "30/06/2025");

        List<String> problems = PrintedDocumentsTests.printAndCheck(folder);
        assertThat(problems).isEmpty();
    }
}
