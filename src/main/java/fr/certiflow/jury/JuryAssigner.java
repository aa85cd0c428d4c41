package fr.certiflow.jury;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Chooses the jurors of a production. */
public interface JuryAssigner {

    /**
     * @param request what the production needs and who the candidate is
     * @param pool the campaign's jurors
     * @param loads productions already assigned to each juror (by user id)
     * @return the chosen jurors' user ids, sorted; empty when the rules cannot be met
     */
    List<String> choose(Request request, List<Juror> pool, Map<String, Long> loads);

    /**
     * @param jurors how many jurors the production needs
     * @param englishRequired at least one English-qualified juror
     * @param candidateNumber the candidate, for declared conflicts
     * @param trainer the candidate's trainer or tutor (a juror's display name or user id), never a juror
     * @param employer the candidate's employer: no juror of that organisation
     * @param excluded user ids that must not be chosen
     */
    record Request(int jurors, boolean englishRequired, String candidateNumber, String trainer, String employer,
            Set<String> excluded) {
    }
}
