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
     * @param candidacies the candidate, their trainer and employer, and the jurors set aside; for a group's sitting,
     *        every member: a juror with an objection to one member sits for none
     */
    record Request(JuryPolicy policy, List<JuryRules.Candidacy> candidacies) {

        public Request(JuryPolicy policy, JuryRules.Candidacy candidacy) {
            this(policy, List.of(candidacy));
        }

        public Request {
            candidacies = List.copyOf(candidacies);
        }
    }
}
