package fr.certiflow.campaign;

import fr.certiflow.tabular.SizeLimitedInputStream;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * A campaign's cohort (and, through this gate, its jury pool: {@code fr.certiflow.jury.JuryPoolUploads}) imported from
 * an uploaded file, the same way for the API and the console: one import at a time on a node, the file read as a
 * stream that fails past the import limit (certiflow.imports.max-file-size, below the multipart limit), never held in
 * memory whole.
 */
@Service
public class CampaignImports {

    private final CohortImport cohort;
    private final long maxImportBytes;
    private final MeterRegistry meters;
    private final ImportGate imports = new ImportGate(Duration.ofMinutes(1));

    CampaignImports(CohortImport cohort, @Value("${certiflow.imports.max-file-size:10MB}") DataSize maxImportSize,
            MeterRegistry meters) {
        this.cohort = cohort;
        this.maxImportBytes = maxImportSize.toBytes();
        this.meters = meters;
    }

    public CohortImport.Result cohort(Long campaignId, MultipartFile file) throws IOException {
        return importing("cohort", file, (name, content) -> cohort.importFile(campaignId, name, content));
    }

    /** What reads an uploaded file once it passed the gate. */
    public interface Importer<T> {
        T importFile(String filename, InputStream content);
    }

    /** Imports {@code file} through the gate; {@code kind} names the import in the metrics. */
    public <T> T importing(String kind, MultipartFile file, Importer<T> importer) throws IOException {
        return imports.oneAtATime(() -> {
            Timer.Sample sample = Timer.start(meters);
            try (InputStream content = new SizeLimitedInputStream(file.getInputStream(), file.getOriginalFilename(), maxImportBytes)) {
                return importer.importFile(file.getOriginalFilename(), content);
            } finally {
                // Refused files too: an import's time is the reading and the checking, whatever the outcome.
                sample.stop(meters.timer("certiflow.import", "kind", kind));
            }
        });
    }
}
