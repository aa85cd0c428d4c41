package fr.certiflow.jury;

/**
 * How the jury of one production is made up, as the certifier's rules say: what {@link JuryRules} checks a jury
 * against, whether the assignment rule or a coordinator chose it.
 *
 * @param jurors how many jurors evaluate the production
 * @param externalMinimum at least this many professionals from outside the training organisation
 * @param languageQualifiedMinimum at least this many jurors qualified in the production's foreign language
 * @param presidentsEvaluate whether jury presidents may evaluate (otherwise they only harmonise and deliberate)
 * @param excludeTrainer never the candidate's trainer or tutor
 * @param excludeEmployer never a juror of the candidate's employer
 * @param excludeDeclaredConflicts never a juror who declared a conflict of interest with the candidate or employer
 * @param source the title of the rules' source, cited to users (« Règlement de certification MMDC v1 »)
 */
public record JuryPolicy(int jurors, int externalMinimum, int languageQualifiedMinimum, boolean presidentsEvaluate,
        boolean excludeTrainer, boolean excludeEmployer, boolean excludeDeclaredConflicts, String source) {
}
