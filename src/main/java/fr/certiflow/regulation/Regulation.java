package fr.certiflow.regulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The certifier's « règlement de certification » for one référentiel version: every choice the référentiel leaves to
 * the certifier (the rating scale, the decision rules, the juries, resits, accommodations, …). Read from a data file
 * beside the référentiel, validated at start, published and frozen like it: a change is a new version, and a campaign
 * records the version it runs under.
 *
 * @param referential the référentiel version it applies to
 * @param version the règlement's own version, per référentiel version
 * @param title how documents cite it, e.g. « Règlement de certification MMDC v1 »
 * @param certifier who made these choices, as documents name them
 */
public record Regulation(ReferentialVersion referential, int version, String title, String certifier, Scale scale,
        ComponentRule component, BlocRule bloc, CertificationRule certification, Resits resits,
        Admissibility admissibility, Accommodations accommodations, Juries juries, GroupRule groups, LanguageCheckRule languageCheck,
        Pathways pathways) {

    public record ReferentialVersion(String code, int version) {
    }

    /** The levels a juror chooses from, in the order shown, and which of them count as acquired. */
    public record Scale(List<Level> levels) {

        public Optional<Level> level(Object value) {
            if (value == null) {
                return Optional.empty();
            }
            String text = value.toString().strip();
            return levels.stream()
                    .filter(level -> level.code().equals(text) || level.label().equalsIgnoreCase(text)
                            || level.code().equalsIgnoreCase(text))
                    .findFirst();
        }

        public boolean acquired(String code) {
            return level(code).map(Level::acquired).orElse(false);
        }

        public String label(String code) {
            return level(code).map(Level::label).orElse(code);
        }

        public List<Level> acquiredLevels() {
            return levels.stream().filter(Level::acquired).toList();
        }

        public List<Level> notAcquiredLevels() {
            return levels.stream().filter(level -> !level.acquired()).toList();
        }

        /** « Acquis ou Non acquis », « Maîtrisé, Acquis, En cours d'acquisition ou Non acquis ». */
        public String choices() {
            List<String> labels = levels.stream().map(Level::label).toList();
            return labels.size() == 1 ? labels.get(0)
                    : String.join(", ", labels.subList(0, labels.size() - 1)) + " ou " + labels.get(labels.size() - 1);
        }
    }

    /** @param code the stored value (capitals, digits, underscores) @param label what people read */
    public record Level(String code, String label, boolean acquired) {
    }

    /**
     * When a composante is validated from its consolidated criteria.
     *
     * @param minimumAcquiredPercent share of its criteria that must be acquired (100: all of them)
     * @param requiredCriteria criteria that must be acquired whatever the share
     */
    public record ComponentRule(int minimumAcquiredPercent, List<String> requiredCriteria) {

        public List<String> requiredCriteria() {
            return requiredCriteria == null ? List.of() : requiredCriteria;
        }

        /** « tous ses critères acquis », « au moins 75 % de ses critères acquis, dont obligatoirement A.5-CR4 ». */
        public String describe() {
            return (minimumAcquiredPercent >= 100 ? "tous ses critères acquis"
                    : "au moins " + minimumAcquiredPercent + " % de ses critères acquis")
                    + (requiredCriteria().isEmpty() ? "" : ", dont obligatoirement " + String.join(", ", requiredCriteria()));
        }
    }

    /** What a « how many » rule may say instead of a number: every one of them. */
    public static final String ALL = "all";

    /**
     * How many of {@code total} a « all or a number » rule requires: all of them, or the number the règlement writes
     * (all of them when there are fewer).
     */
    static int required(String rule, int total) {
        return ALL.equals(rule) ? total : Math.min(Integer.parseInt(rule.strip()), total);
    }

    /**
     * When a bloc is validated, and how long it stays acquired.
     *
     * @param validityYears how long a bloc stays acquired; absent: without limit
     * @param minimumValidatedComponents how many of its composantes must be validated: {@value Regulation#ALL}, or a
     *        number (a bloc with fewer composantes needs all of them)
     */
    public record BlocRule(Integer validityYears, String minimumValidatedComponents) {

        /** A bloc acquired on {@code acquiredOn} still counts on {@code day}. */
        public boolean stillValid(LocalDate acquiredOn, LocalDate day) {
            return validityYears == null || acquiredOn == null || !acquiredOn.plusYears(validityYears).isBefore(day);
        }

        public String describe() {
            return validityYears == null ? "sans limite de durée"
                    : validityYears + " an" + (validityYears > 1 ? "s" : "") + " à compter de la décision du jury";
        }

        /** The validated composantes the decision table BlocResult requires of a bloc of {@code components}. */
        public int requiredValidated(int components) {
            return required(minimumValidatedComponents, components);
        }

        /** « toutes ses composantes validées », « au moins 2 de ses composantes validées (toutes lorsqu'il en compte moins) ». */
        public String describeDecision() {
            return ALL.equals(minimumValidatedComponents) ? "toutes ses composantes validées"
                    : "au moins " + minimumValidatedComponents.strip()
                            + " de ses composantes validées (toutes lorsqu'il en compte moins)";
        }
    }

    /**
     * When the certification is awarded.
     *
     * @param minimumAcquiredBlocs how many blocs of the référentiel must be acquired (validated in the campaign or
     *        earlier and still valid): {@value Regulation#ALL}, or a number
     */
    public record CertificationRule(String minimumAcquiredBlocs) {

        /** The acquired blocs the decision table CertificationResult requires of a référentiel of {@code blocs}. */
        public int requiredAcquired(int blocs) {
            return required(minimumAcquiredBlocs, blocs);
        }

        /** « tous ses blocs acquis », « au moins 3 blocs acquis ». */
        public String describe() {
            return ALL.equals(minimumAcquiredBlocs) ? "tous ses blocs acquis"
                    : "au moins " + minimumAcquiredBlocs.strip() + " blocs acquis";
        }
    }

    /**
     * A deferred (ajourné) bloc assessed again.
     *
     * @param attempts how many times a deferred bloc may be assessed again
     * @param periodDays the time to hand in again
     * @param keep what a resit keeps of the earlier attempt: {@value #KEEP_VALIDATED_COMPONENTS} (only the composantes
     *        not validated are assessed again) or {@value #KEEP_NOTHING} (the whole bloc is assessed again)
     */
    public record Resits(int attempts, int periodDays, String keep) {

        public static final String KEEP_VALIDATED_COMPONENTS = "validated-components";
        public static final String KEEP_NOTHING = "nothing";
        static final java.util.Set<String> KEEPS = java.util.Set.of(KEEP_VALIDATED_COMPONENTS, KEEP_NOTHING);

        /** Whether a composante validated at an earlier attempt stays validated at a resit. */
        public boolean keepsValidatedComponents() {
            return KEEP_VALIDATED_COMPONENTS.equals(keep);
        }
    }

    /** @param returnsAllowed how many times a production may be returned to its candidate as incomplete */
    public record Admissibility(int returnsAllowed) {
    }

    public record Accommodations(TiersTemps tiersTemps) {
    }

    /**
     * What tiers-temps gives a candidate.
     *
     * @param numerator with {@code denominator}, the share of the submission period added to the deadline
     * @param oral what it gives at an oral, in the certifier's words (shown on the convocation and to the coordinator)
     */
    public record TiersTemps(int numerator, int denominator, String oral) {

        /** The share of the submission period added to a tiers-temps candidate's deadline. */
        public PeriodShare deadline() {
            return new PeriodShare(numerator, denominator);
        }

        /** « tiers-temps — <what it gives at an oral> (<the règlement's title>) », as convocations and tasks show it. */
        public String oralNotice(Regulation regulation) {
            return "tiers-temps — " + oral.strip() + " (" + regulation.title() + ")";
        }
    }

    /** A share of the submission period added to the deadline: 1/3 for a third. */
    public record PeriodShare(int numerator, int denominator) {

        public Instant extend(Instant opensAt, Instant deadline) {
            return deadline.plus(Duration.between(opensAt, deadline).multipliedBy(numerator).dividedBy(denominator));
        }

        public String describe() {
            return numerator + "/" + denominator + " de la période de remise en plus";
        }
    }

    public record Juries(ProductionJury production, CertificationJury certification) {
    }

    /**
     * The jury of one production.
     *
     * @param jurors how many jurors evaluate it
     * @param externalMinimum how many of them are external professionals, at least
     * @param languageQualifiedMinimum for a composante assessed in a foreign language, how many are qualified in it
     * @param presidentsEvaluate whether jury presidents may also evaluate (they harmonise and deliberate anyway)
     */
    public record ProductionJury(int jurors, int externalMinimum, int languageQualifiedMinimum,
            boolean presidentsEvaluate, Exclusions exclude) {
    }

    /** Who may not sit on a candidate's jury. */
    public record Exclusions(boolean trainer, boolean employer, boolean declaredConflicts) {
    }

    /**
     * @param minimumMembers members designated, at least
     * @param quorum members present for a valid decision
     * @param chair who chairs it: {@value #CHAIR_JURY_PRESIDENT} (a jury president of the campaign's pool), the only
     *        choice Certiflow supports
     */
    public record CertificationJury(int minimumMembers, int quorum, String chair) {

        public static final String CHAIR_JURY_PRESIDENT = "jury-president";
        static final java.util.Set<String> CHAIRS = java.util.Set.of(CHAIR_JURY_PRESIDENT);

        /** « un président de jury du jury de la campagne », as the certification jury's form and refusals state it. */
        public String describeChair() {
            return "un président de jury du jury de la campagne";
        }
    }

    /** Sizes of the groups of a composante assessed as collective work. */
    public record GroupRule(int minimumSize, int maximumSize) {
    }

    /** @param minimumConfidencePercent how sure the language detection must be before it refuses a document */
    public record LanguageCheckRule(int minimumConfidencePercent) {
    }

    /**
     * The pathways to the certification and how each one's candidates are assessed. The référentiel describes its
     * modalities for « candidats issus de la formation » only: the VAE modality is the certifier's choice.
     */
    public record Pathways(FormationPathway formation, VaePathway vae) {
    }

    /**
     * @param label how people name the pathway (« Formation »)
     * @param route how progress, grids and the PV describe its assessment
     */
    public record FormationPathway(String label, String route) {
    }

    /**
     * The VAE route: per bloc, a file the candidate hands in and an interview with the jury, assessed on the
     * référentiel's criteria and indicators of each composante of the bloc, never in a group.
     *
     * @param label how people name the pathway (« VAE »)
     * @param route how progress, grids and the PV describe its assessment (« VAE — dossier de validation et entretien »)
     * @param documents what the candidate hands in, once per bloc
     * @param interview the interview with the jury (« Entretien avec le jury »); absent: no interview
     * @param jury the jury of a VAE candidate's bloc
     */
    public record VaePathway(String label, String route, List<PathwayDocument> documents, String interview,
            VaeJury jury) {

        public List<PathwayDocument> documents() {
            return documents == null ? List.of() : documents;
        }

        public boolean hasInterview() {
            return interview != null && !interview.isBlank();
        }
    }

    /** @param code as the upload names it @param label what people read @param multiple several files allowed */
    public record PathwayDocument(String code, String label, Boolean multiple) {

        public boolean isMultiple() {
            return Boolean.TRUE.equals(multiple);
        }
    }

    /**
     * The jury of a VAE candidate; presidents and exclusions follow the production jury's rules.
     *
     * @param jurors how many jurors assess the dossier and hold the interview
     * @param externalMinimum how many of them are external professionals, at least
     * @param languageQualifiedMinimum for a composante assessed in a foreign language, how many are qualified in it
     */
    public record VaeJury(int jurors, int externalMinimum, int languageQualifiedMinimum) {
    }

    /**
     * « VAE — dossier de validation et entretien (Règlement de certification MMDC v1) »: the VAE route cites the
     * règlement, which defines it; the formation route is the référentiel's, as its text says.
     */
    public String route(boolean vae) {
        return vae ? pathways.vae().route() + " (" + title + ")" : pathways.formation().route();
    }

    /** « mmdc-v1-r2 »: how form ids and file names name this règlement. */
    public String slug() {
        return referential.code().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-v" + referential.version()
                + "-r" + version;
    }
}
