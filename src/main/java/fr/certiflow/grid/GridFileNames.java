package fr.certiflow.grid;

import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.production.GroupSitting;
import fr.certiflow.production.GroupSittingRepository;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionRepository;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Service;

/**
 * How a downloaded grid is named, after what it is rather than ids that mean nothing to a juror: an individual grid
 * « grille-A.1-2027-001-jury1.xlsx » (composante, candidate number, juror login), a group's grid
 * « grille-A.3-groupe-G1-jury2.xlsx » (composante, group code, juror login). A grid is the group's when its production
 * was assessed at a group's sitting, the rule {@link JurorGrids#writesGroupGrids} writes it by.
 */
@Service
public class GridFileNames {

    private final ProductionRepository productions;
    private final CandidateRepository candidates;
    private final GroupSittingRepository sittings;

    GridFileNames(ProductionRepository productions, CandidateRepository candidates, GroupSittingRepository sittings) {
        this.productions = productions;
        this.candidates = candidates;
        this.sittings = sittings;
    }

    /** The file name of the grid: the group's at a group's sitting, the candidate's otherwise. */
    public String of(Grid grid) {
        Production production = productions.findById(grid.getProductionId())
                .orElseThrow(() -> new IllegalStateException("No production " + grid.getProductionId()));
        Optional<GroupSitting> sitting = groupSitting(production);
        if (sitting.isPresent()) {
            return group(production.getComponentCode(), sitting.get().getGroupCode(), grid.getJurorUserId());
        }
        Candidate candidate = candidates.findById(production.getCandidateId()).orElseThrow();
        return individual(production.getComponentCode(), candidate.getNumber(), grid.getJurorUserId());
    }

    /** « grille-A.1-2027-001-jury1.xlsx ». */
    public static String individual(String componentCode, String candidateNumber, String jurorLogin) {
        return "grille-" + part(componentCode) + "-" + part(candidateNumber) + "-" + part(jurorLogin) + ".xlsx";
    }

    /** « grille-A.3-groupe-G1-jury2.xlsx ». */
    public static String group(String componentCode, String groupCode, String jurorLogin) {
        return "grille-" + part(componentCode) + "-groupe-" + part(groupCode) + "-" + part(jurorLogin) + ".xlsx";
    }

    /**
     * The attachment's header: an ASCII name as it is; a name with other characters also as RFC 5987's UTF-8
     * {@code filename*}, the plain {@code filename} then encoded (RFC 2047) so that the header stays ASCII.
     */
    public static ContentDisposition contentDisposition(String fileName) {
        boolean ascii = fileName.chars().allMatch(c -> c < 0x80);
        return ascii ? ContentDisposition.attachment().filename(fileName).build()
                : ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build();
    }

    /**
     * A part of the name that no system reads as a folder, a drive or a wildcard: separators, reserved characters,
     * control characters and spaces become « _ »; an empty part « _ ».
     */
    static String part(String value) {
        if (value == null || value.isBlank()) {
            return "_";
        }
        StringBuilder safe = new StringBuilder(value.length());
        value.strip().codePoints().forEach(c -> safe.appendCodePoint(
                Character.isISOControl(c) || Character.isWhitespace(c) || "/\\:*?\"<>|".indexOf(c) >= 0 ? '_' : c));
        return safe.toString();
    }

    /** The group's sitting the production was assessed at, if any: one whose key writes a group's grids. */
    private Optional<GroupSitting> groupSitting(Production production) {
        return sittings.findBySubmissionIdIn(List.of(production.getSubmissionId())).stream()
                .filter(sitting -> JurorGrids.writesGroupGrids(sitting.getBusinessKey()))
                .max(Comparator.comparingInt(GroupSitting::getRound));
    }
}
