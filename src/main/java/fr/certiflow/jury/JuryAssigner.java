package fr.certiflow.jury;

import java.util.List;
import java.util.Map;

/** Chooses the jurors of a production. */
public interface JuryAssigner {

    /**
     * @param request the rules that apply and whom the jury is for
     * @param pool the campaign's jurors
     * @param loads productions already assigned to each juror (by user id)
     * @return the chosen jurors' user ids, sorted; empty when the rules cannot be met
     */
    List<String> choose(Request request, List<Juror> pool, Map<String, Long> loads);

    /**
     * @param policy the jury composition the production needs
     * @param candidacy the candidate, their trainer and employer, and the jurors set aside
     */
    record Request(JuryPolicy policy, JuryRules.Candidacy candidacy) {
    }
}
