package fr.certiflow.campaign;

import fr.certiflow.referential.model.Bloc;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.regulation.Regulation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The bloc assessments a campaign starts: every candidate × every bloc of the référentiel the campaign assesses for
 * them (not acquired earlier), in candidate number then bloc order. Engine-free: {@link CampaignProcess} is its glue.
 */
@Service
public class BlocAssessments {

    private final CampaignRepository campaigns;
    private final CandidateRepository candidates;
    private final CampaignReferentials referentials;

    BlocAssessments(CampaignRepository campaigns, CandidateRepository candidates, CampaignReferentials referentials) {
        this.campaigns = campaigns;
        this.candidates = candidates;
        this.referentials = referentials;
    }

    /** One bloc assessment, as the campaign process's multi-instance carries it: {@code candidateId|number|blocCode}. */
    public record Assessment(long candidateId, String candidateNumber, String blocCode) {

        public static Assessment parse(String key) {
            String[] parts = key.split("\\|", 3);
            return new Assessment(Long.parseLong(parts[0]), parts[1], parts[2]);
        }

        public String key() {
            return candidateId + "|" + candidateNumber + "|" + blocCode;
        }

        /** The business key of the bloc assessment's process: {@code campaign/candidate/bloc}. */
        public String businessKey(String campaignCode) {
            return campaignCode + "/" + candidateNumber + "/" + blocCode;
        }
    }

    /** The keys of the campaign's bloc assessments to start, in a stable order. */
    public List<String> toStart(long campaignId) {
        Campaign campaign = campaigns.findById(campaignId).orElseThrow();
        Referential referential = referentials.of(campaign);
        Regulation.BlocRule rule = referentials.regulation(campaign).bloc();
        List<String> assessments = new ArrayList<>();
        for (Candidate candidate : candidates.findByCampaignIdOrderByNumber(campaign.getId())) {
            for (Bloc bloc : referential.blocs()) {
                if (campaign.assesses(candidate, bloc.code(), rule)) {
                    assessments.add(new Assessment(candidate.getId(), candidate.getNumber(), bloc.code()).key());
                }
            }
        }
        return assessments;
    }
}
