package fr.certiflow.jury;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.ImportTemplates;
import fr.certiflow.identity.Groups;
import fr.certiflow.tabular.ImportProblem;
import fr.certiflow.tabular.ImportRefusedException;
import fr.certiflow.tabular.Table;
import fr.certiflow.tabular.TableReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a campaign's jury pool from .xlsx or .csv, with the cohort's rules: every problem reported with its row
 * and column, nothing imported on error, a juror identified by their user id. Accounts belong to the administrator
 * ({@link JurorAccounts}): the import creates the accounts of new jurors, in group jurors only, in the same
 * transaction; a row naming a coordinator's, manager's or administrator's account, or an account that is not a
 * juror's, is a problem of that row; the president role comes from an administrator, never from a file.
 */
@Service
public class JuryPoolImport {

    static final Map<String, List<String>> HEADERS = headers();
    static final List<String> REQUIRED = List.of("userId", "name", "external");
    static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int DEFAULT_MAX_LOAD = 20;
    static final String PRESIDENT_BY_ADMINISTRATOR = "le rôle de président de jury est attribué par un administrateur";

    private final CampaignRepository campaigns;
    private final JurorRepository jurors;
    private final JurorAccounts accounts;

    JuryPoolImport(CampaignRepository campaigns, JurorRepository jurors, JurorAccounts accounts) {
        this.campaigns = campaigns;
        this.jurors = jurors;
        this.accounts = accounts;
    }

    /** @param format what the file was read as (encoding and separator of a CSV), for the coordinator to check */
    public record Result(int created, int updated, int unchanged, int total, int usersCreated, String format) {
    }

    private static Map<String, List<String>> headers() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("userId", List.of("Identifiant", "Identifiant du juré"));
        headers.put("name", List.of("Nom", "Nom et prénom"));
        headers.put("email", List.of("Courriel", "E-mail", "Email"));
        headers.put("organisation", List.of("Organisation", "Structure"));
        headers.put("external", List.of("Professionnel extérieur", "Extérieur"));
        headers.put("english", List.of("Qualifié en anglais", "Anglais"));
        headers.put("president", List.of("Président de jury", "Président"));
        headers.put("maxLoad", List.of("Charge maximale", "Nombre maximal de productions"));
        headers.put("conflicts", List.of("Conflits déclarés", "Conflits d'intérêts"));
        return headers;
    }

    /**
     * @param importedBy the user id of whoever imports the file (a coordinator), recorded with each account the
     *     import creates
     */
    @Transactional
    public Result importFile(Long campaignId, String filename, InputStream content, String importedBy) {
        Objects.requireNonNull(importedBy, "importedBy");
        Campaign campaign = campaigns.require(campaignId);
        Table table = TableReader.read(filename, content, HEADERS, REQUIRED);
        List<ImportProblem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (Table.Row line : table.rows()) {
            Row row = new Row();
            row.userId = line.get("userId").orElse(null);
            row.name = line.get("name").orElse(null);
            for (String column : REQUIRED) {
                if (line.get(column).isEmpty()) {
                    problems.add(problem(table, line, column, "valeur obligatoire manquante"));
                }
            }
            boolean wellFormedId = row.userId != null && USER_ID.matcher(row.userId).matches();
            if (row.userId != null) {
                if (!wellFormedId) {
                    problems.add(problem(table, line, "userId", "identifiant « " + row.userId + " » invalide (lettres, chiffres, « . », « - », « _ »)"));
                } else {
                    Integer previous = ids.putIfAbsent(row.userId, line.number());
                    if (previous != null) {
                        problems.add(problem(table, line, "userId", "identifiant « " + row.userId + " » déjà présent ligne " + previous));
                    }
                }
            }
            row.email = line.get("email").orElse(null);
            if (row.email != null && !EMAIL.matcher(row.email).matches()) {
                problems.add(problem(table, line, "email", "adresse « " + row.email + " » invalide"));
            } else if (ImportTemplates.isExample(row.email) || JuryPoolTemplate.EXAMPLE_ID.equals(row.userId)) {
                problems.add(problem(table, line, ImportTemplates.isExample(row.email) ? "email" : "userId", ImportTemplates.EXAMPLE_ROW));
            }
            row.organisation = line.get("organisation").orElse(null);
            row.external = yesNo(table, line, "external", false, problems);
            row.english = yesNo(table, line, "english", false, problems);
            row.president = yesNo(table, line, "president", false, problems);
            row.maxLoad = DEFAULT_MAX_LOAD;
            line.get("maxLoad").ifPresent(text -> {
                try {
                    row.maxLoad = Integer.parseInt(text);
                    if (row.maxLoad < 1 || row.maxLoad > 1000) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    problems.add(problem(table, line, "maxLoad", "« " + text + " » n'est pas un nombre de productions entre 1 et 1000"));
                }
            });
            row.conflicts = line.get("conflicts").orElse(null);
            if (wellFormedId) {
                row.account = accounts.of(row.userId);
                accountProblem(table, line, row).ifPresent(problems::add);
            }
            rows.add(row);
        }
        if (!problems.isEmpty()) {
            throw new ImportRefusedException(problems);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int usersCreated = 0;
        for (Row row : rows) {
            if (row.account.kind() == JurorAccounts.Kind.NEW) {
                accounts.create(row.userId, row.name, row.email, campaign, importedBy);
                usersCreated++;
            } else if (row.account.updatable()) {
                accounts.update(row.userId, row.name, row.email, campaign, importedBy);
            }
            Juror juror = jurors.findByCampaignIdAndUserId(campaignId, row.userId).orElse(null);
            if (juror == null) {
                jurors.save(row.applyTo(new Juror(campaign.getId(), row.userId, row.name, row.external, row.english,
                        row.president, row.maxLoad)));
                created++;
            } else if (row.sameAs(juror)) {
                unchanged++;
            } else {
                row.applyTo(juror);
                updated++;
            }
        }
        return new Result(created, updated, unchanged, rows.size(), usersCreated, table.format());
    }

    /**
     * The account rules, as a problem of the row when it breaks one. A president is named as one, so that the row
     * says what the campaign uses them for: presidents deliberate and do not evaluate. A file never makes anyone a
     * president.
     */
    private static Optional<ImportProblem> accountProblem(Table table, Table.Row line, Row row) {
        String id = row.userId;
        return Optional.ofNullable(switch (row.account.kind()) {
            case NEW -> row.president ? problem(table, line, "president", PRESIDENT_BY_ADMINISTRATOR + " : « " + id
                    + " » n'a pas de compte, importez-le comme juré (« non »)") : null;
            case JUROR -> row.president ? problem(table, line, "president", PRESIDENT_BY_ADMINISTRATOR + " : « " + id
                    + " » n'est pas président de jury") : null;
            case PRESIDENT -> row.president ? null : problem(table, line, "president", "« " + id + " » est président "
                    + "de jury : indiquez « oui » (un président délibère et n'évalue pas les productions)");
            case PRIVILEGED -> problem(table, line, "userId", "le compte « " + id + " » appartient au groupe "
                    + Groups.displayName(row.account.group()) + " : un import de jury ne peut ni l'employer ni le modifier");
            case OUTSIDER -> problem(table, line, "userId", "compte « " + id + " » existant qui n'est pas juré : un "
                    + "administrateur doit l'ajouter au groupe " + Groups.displayName(Groups.JURORS));
        });
    }

    private static boolean yesNo(Table table, Table.Row line, String column, boolean fallback, List<ImportProblem> problems) {
        return line.get(column).map(text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "oui", "o", "yes", "vrai", "x", "1" -> true;
            case "non", "n", "no", "faux", "0" -> false;
            default -> {
                problems.add(problem(table, line, column, "« " + text + " » : répondez oui ou non"));
                yield fallback;
            }
        }).orElse(fallback);
    }

    /** A problem at the row's cell; a column the file lacks is named by its template header. */
    private static ImportProblem problem(Table table, Table.Row line, String column, String message) {
        String header = table.columns().containsKey(column) ? table.header(column) : HEADERS.get(column).get(0);
        return new ImportProblem(table.file(), line.number(), header, message);
    }

    private static final class Row {
        String userId;
        String name;
        String email;
        String organisation;
        boolean external;
        boolean english;
        boolean president;
        int maxLoad;
        String conflicts;
        JurorAccounts.Account account;

        Juror applyTo(Juror juror) {
            juror.update(name, external, english, president, maxLoad);
            juror.setEmail(email);
            juror.setOrganisation(organisation);
            juror.setConflicts(conflicts);
            return juror;
        }

        boolean sameAs(Juror juror) {
            return Objects.equals(name, juror.getDisplayName()) && external == juror.isExternal()
                    && english == juror.isEnglishQualified() && president == juror.isPresident()
                    && maxLoad == juror.getMaxLoad() && Objects.equals(email, juror.getEmail())
                    && Objects.equals(organisation, juror.getOrganisation()) && Objects.equals(conflicts, juror.conflictsText());
        }
    }
}
