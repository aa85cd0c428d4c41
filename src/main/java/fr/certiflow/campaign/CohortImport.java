package fr.certiflow.campaign;

import fr.certiflow.errors.ConflictException;
import fr.certiflow.referential.model.Bloc;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.regulation.Regulation;
import fr.certiflow.tabular.ImportProblem;
import fr.certiflow.tabular.ImportRefusedException;
import fr.certiflow.tabular.Table;
import fr.certiflow.tabular.TableReader;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a campaign's cohort from an .xlsx or .csv file. Every row is checked first and every problem reported
 * with its row and column; a file with any problem imports nothing. A candidate is identified by their number, so
 * importing the same file again changes nothing and a changed row updates that candidate. Text is kept as typed,
 * formulas included: it is never evaluated.
 */
@Service
public class CohortImport {


    static final Map<String, List<String>> HEADERS = headers();
    static final List<String> REQUIRED = List.of("number", "lastName", "firstName", "email");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** The longest text each column's database field holds: longer is a problem of its row, not a database error. */
    static final Map<String, Integer> LENGTHS = Map.of("lastName", 200, "firstName", 200, "email", 320, "trainer", 200, "employer", 200);
    static final Pattern ACQUIRED = Pattern.compile("\\s*([^()\\s]+)\\s*\\(\\s*([^)]*)\\)\\s*");
    /** Strict: 31/02/2025 is not a date (a lenient or smart parser would make it 28 February). */
    static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT));

    private final CampaignRepository campaigns;
    private final CandidateRepository candidates;
    private final CampaignReferentials referentials;
    private final Clock clock;

    CohortImport(CampaignRepository campaigns, CandidateRepository candidates, CampaignReferentials referentials, Clock clock) {
        this.campaigns = campaigns;
        this.candidates = candidates;
        this.referentials = referentials;
        this.clock = clock;
    }

    /** @param format what the file was read as (encoding and separator of a CSV), for the coordinator to check */
    public record Result(int created, int updated, int unchanged, int total, String format) {
    }

    private static Map<String, List<String>> headers() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("number", List.of("N° candidat", "Numéro de candidat", "Numéro candidat", "N candidat"));
        headers.put("lastName", List.of("Nom"));
        headers.put("firstName", List.of("Prénom"));
        headers.put("email", List.of("Courriel", "E-mail", "Email", "Adresse électronique"));
        headers.put("pathway", List.of("Parcours"));
        headers.put("group", List.of("Groupe", "Groupe de travail"));
        headers.put("accommodation", List.of("Aménagement", "Aménagement d'épreuve"));
        headers.put("extension", List.of("Prolongation (jours)", "Prolongation"));
        headers.put("trainer", List.of("Formateur ou tuteur", "Formateur", "Tuteur"));
        headers.put("employer", List.of("Employeur"));
        headers.put("acquired", List.of("Blocs acquis"));
        return headers;
    }

    @Transactional
    public Result importFile(Long campaignId, String filename, InputStream content) {
        Campaign campaign = campaigns.require(campaignId);
        if (campaign.getStatus() != CampaignStatus.DRAFT) {
            throw new ConflictException("La campagne " + campaign.getCode() + " est lancée : sa cohorte ne peut plus être importée.");
        }
        Table table = TableReader.read(filename, content, HEADERS, REQUIRED);
        Referential referential = referentials.of(campaign);
        Set<String> blocs = referential.blocs().stream().map(Bloc::code).collect(Collectors.toSet());
        LocalDate today = LocalDate.now(clock);
        List<ImportProblem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> numbers = new HashMap<>();
        Map<String, Integer> emails = new HashMap<>();
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        Regulation regulation = referentials.regulation(campaign);
        for (Table.Row line : table.rows()) {
            Row row = parse(table, line, blocs, today, regulation, problems);
            if (row.number != null) {
                Integer previous = numbers.putIfAbsent(row.number, line.number());
                if (previous != null) {
                    problems.add(problem(table, line, "number", "numéro « " + row.number + " » déjà présent ligne " + previous));
                }
            }
            if (row.email != null) {
                Integer previous = emails.putIfAbsent(row.email.toLowerCase(Locale.ROOT), line.number());
                if (previous != null) {
                    problems.add(problem(table, line, "email", "courriel « " + row.email + " » déjà présent ligne " + previous));
                }
            }
            if (row.group != null) {
                groups.computeIfAbsent(row.group, group -> new ArrayList<>()).add(line.number());
            }
            rows.add(row);
        }
        // Against the campaign: a candidate number is an update, but an email must not belong to another candidate.
        Map<String, Candidate> existing = candidates.findByCampaignIdOrderByNumber(campaignId).stream()
                .collect(Collectors.toMap(Candidate::getNumber, candidate -> candidate));
        for (Row row : rows) {
            if (row.email == null || row.number == null) {
                continue;
            }
            existing.values().stream()
                    .filter(other -> !other.getNumber().equals(row.number) && !numbers.containsKey(other.getNumber()))
                    .filter(other -> other.getEmail().equalsIgnoreCase(row.email))
                    .findFirst()
                    .ifPresent(other -> problems.add(new ImportProblem(table.file(), row.line, table.header("email"),
                            "courriel « " + row.email + " » déjà utilisé par le candidat n° " + other.getNumber() + " de la campagne")));
        }
        requireGroups(table, rows, campaign, referential, problems);
        Regulation.GroupRule sizes = regulation.groups();
        groups.forEach((group, lines) -> {
            if (lines.size() < sizes.minimumSize() || lines.size() > sizes.maximumSize()) {
                problems.add(new ImportProblem(table.file(), lines.get(0), table.header("group"), "le groupe « " + group
                        + " » compte " + lines.size() + " membre(s) (lignes " + lines.stream().map(String::valueOf)
                        .collect(Collectors.joining(", ")) + ") ; un groupe compte de " + sizes.minimumSize() + " à " + sizes.maximumSize()
                        + " membres (" + referentials.regulation(campaign).title() + ")"));
            }
        });
        if (!problems.isEmpty()) {
            throw new ImportRefusedException(problems);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Row row : rows) {
            Candidate candidate = existing.get(row.number);
            if (candidate == null) {
                candidates.save(row.applyTo(new Candidate(campaignId, row.number, row.lastName, row.firstName, row.email)));
                created++;
            } else if (row.sameAs(candidate)) {
                unchanged++;
            } else {
                row.applyTo(candidate);
                updated++;
            }
        }
        return new Result(created, updated, unchanged, rows.size(), table.format());
    }

    private Row parse(Table table, Table.Row line, Set<String> blocs, LocalDate today, Regulation regulation,
            List<ImportProblem> problems) {
        Row row = new Row();
        row.line = line.number();
        row.number = line.get("number").orElse(null);
        row.lastName = line.get("lastName").orElse(null);
        row.firstName = line.get("firstName").orElse(null);
        row.email = line.get("email").orElse(null);
        for (String column : REQUIRED) {
            if (line.get(column).isEmpty()) {
                problems.add(problem(table, line, column, "valeur obligatoire manquante"));
            }
        }
        LENGTHS.forEach((column, max) -> line.get(column).filter(value -> value.length() > max).ifPresent(value ->
                problems.add(problem(table, line, column, "texte de " + value.length() + " caractères, " + max + " au plus"))));
        if (row.number != null && !CODE.matcher(row.number).matches()) {
            problems.add(problem(table, line, "number", "numéro « " + row.number + " » invalide (lettres, chiffres, « . », « - », « _ »)"));
            row.number = null;
        }
        if (row.email != null && !EMAIL.matcher(row.email).matches()) {
            problems.add(problem(table, line, "email", "adresse « " + row.email + " » invalide"));
        } else if (ImportTemplates.isExample(row.email)) {
            problems.add(problem(table, line, "email", ImportTemplates.EXAMPLE_ROW));
        }
        String pathway = line.get("pathway").orElse("formation");
        switch (pathway.toLowerCase(Locale.ROOT)) {
            case "formation" -> row.pathway = Pathway.FORMATION;
            case "vae" -> row.pathway = Pathway.VAE;
            default -> problems.add(problem(table, line, "pathway", "parcours « " + pathway + " » inconnu (formation ou VAE)"));
        }
        row.group = line.get("group").orElse(null);
        if (row.group != null && !CODE.matcher(row.group).matches()) {
            problems.add(problem(table, line, "group", "groupe « " + row.group + " » invalide (lettres, chiffres, « . », « - », « _ »)"));
            row.group = null;
        }
        if (row.group != null && row.pathway == Pathway.VAE) {
            problems.add(problem(table, line, "group", "un candidat en VAE n'est jamais évalué en groupe ("
                    + regulation.pathways().vae().route() + ", " + regulation.title() + ") : laissez le groupe vide"));
            row.group = null;
        }
        String accommodation = line.get("accommodation").orElse("aucun");
        Integer extension = null;
        if (line.get("extension").isPresent()) {
            try {
                extension = Integer.valueOf(line.get("extension").get());
                if (extension < 1 || extension > 365) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add(problem(table, line, "extension", "« " + line.get("extension").get() + " » n'est pas un nombre de jours entre 1 et 365"));
            }
        }
        switch (accommodation.toLowerCase(Locale.ROOT).replace(' ', '-')) {
            case "aucun", "aucune", "non" -> row.accommodation = Accommodation.NONE;
            case "tiers-temps" -> row.accommodation = Accommodation.TIERS_TEMPS;
            case "prolongation", "autre" -> {
                row.accommodation = Accommodation.EXTENSION;
                if (extension == null && line.get("extension").isEmpty()) {
                    problems.add(problem(table, line, "extension", "nombre de jours obligatoire pour une prolongation"));
                }
            }
            default -> problems.add(problem(table, line, "accommodation", "aménagement « " + accommodation
                    + " » inconnu (aucun, tiers-temps ou prolongation)"));
        }
        row.extensionDays = row.accommodation == Accommodation.EXTENSION ? extension : null;
        row.trainer = line.get("trainer").orElse(null);
        row.employer = line.get("employer").orElse(null);
        row.acquired = new LinkedHashMap<>();
        line.get("acquired").ifPresent(text -> {
            for (String item : text.split("[;,]")) {
                if (item.isBlank()) {
                    continue;
                }
                Matcher matcher = ACQUIRED.matcher(item);
                if (!matcher.matches()) {
                    problems.add(problem(table, line, "acquired", "« " + item.strip() + " » : écrivez le bloc puis sa date, par exemple « BC1 (2025-06-30) »"));
                    continue;
                }
                String bloc = matcher.group(1);
                if (!blocs.contains(bloc)) {
                    problems.add(problem(table, line, "acquired", "bloc « " + bloc + " » inconnu du référentiel (" + String.join(", ", new java.util.TreeSet<>(blocs)) + ")"));
                    continue;
                }
                LocalDate date = date(matcher.group(2).strip());
                if (date == null) {
                    problems.add(problem(table, line, "acquired", "date « " + matcher.group(2).strip() + " » du bloc " + bloc + " illisible (AAAA-MM-JJ ou JJ/MM/AAAA)"));
                    continue;
                }
                if (date.isAfter(today)) {
                    problems.add(problem(table, line, "acquired", "date « " + matcher.group(2).strip() + " » du bloc " + bloc
                            + " dans le futur : un bloc ne peut pas avoir été acquis après aujourd'hui (" + DATES.get(1).format(today) + ")"));
                    continue;
                }
                row.acquired.put(bloc, date);
            }
        });
        return row;
    }

    /** The date in either accepted form, or null when it is in neither or is no real date (31/02, 29/02 of 2025). */
    static LocalDate date(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        return null;
    }

    /**
     * A candidate issu de la formation assessed on a collective composante (« Travail collectif », référentiel) is
     * assessed in a group: without one, unless the campaign allows individual work for that composante, it is a
     * problem of the row. Blocs the candidate already holds are not assessed. (A VAE candidate never has a group.)
     */
    private static void requireGroups(Table table, List<Row> rows, Campaign campaign, Referential referential,
            List<ImportProblem> problems) {
        List<String> allowed = campaign.getIndividualWorkAllowed();
        String column = table.header("group").equals("group") ? HEADERS.get("group").get(0) : table.header("group");
        for (Row row : rows) {
            if (row.group != null || row.pathway != Pathway.FORMATION) {
                continue;
            }
            List<String> collective = referential.blocs().stream()
                    .filter(bloc -> campaign.getBlocs().contains(bloc.code()) && !row.acquired.containsKey(bloc.code()))
                    .flatMap(bloc -> bloc.components().stream())
                    .filter(component -> component.assessment().collective() && !allowed.contains(component.code()))
                    .map(component -> component.code()).toList();
            if (!collective.isEmpty()) {
                problems.add(new ImportProblem(table.file(), row.line, column, "le candidat"
                        + (row.number == null ? "" : " n° " + row.number) + " est évalué en travail collectif sur "
                        + (collective.size() == 1 ? "la composante " : "les composantes ") + String.join(", ", collective)
                        + " (référentiel) : indiquez son groupe"
                        + (allowed.isEmpty() ? "" : " (travail individuel autorisé par la campagne : " + String.join(", ", allowed) + ")")));
            }
        }
    }

    private static ImportProblem problem(Table table, Table.Row line, String column, String message) {
        return new ImportProblem(table.file(), line.number(), table.header(column), message);
    }

    private static final class Row {
        int line;
        String number;
        String lastName;
        String firstName;
        String email;
        Pathway pathway = Pathway.FORMATION;
        String group;
        Accommodation accommodation = Accommodation.NONE;
        Integer extensionDays;
        String trainer;
        String employer;
        Map<String, LocalDate> acquired;

        Candidate applyTo(Candidate candidate) {
            candidate.update(lastName, firstName, email);
            candidate.setPathway(pathway);
            candidate.setGroupCode(group);
            candidate.setAccommodation(accommodation, extensionDays);
            candidate.setTrainer(trainer);
            candidate.setEmployer(employer);
            candidate.getAcquiredBlocs().clear();
            candidate.getAcquiredBlocs().putAll(acquired);
            return candidate;
        }

        boolean sameAs(Candidate candidate) {
            return Objects.equals(lastName, candidate.getLastName()) && Objects.equals(firstName, candidate.getFirstName())
                    && Objects.equals(email, candidate.getEmail()) && pathway == candidate.getPathway()
                    && Objects.equals(group, candidate.getGroupCode()) && accommodation == candidate.getAccommodation()
                    && Objects.equals(extensionDays, candidate.getExtensionDays())
                    && Objects.equals(trainer, candidate.getTrainer()) && Objects.equals(employer, candidate.getEmployer())
                    && acquired.equals(candidate.getAcquiredBlocs());
        }
    }
}
