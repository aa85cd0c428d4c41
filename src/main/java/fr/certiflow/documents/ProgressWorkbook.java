package fr.certiflow.documents;

import fr.certiflow.process.Decision;
import fr.certiflow.progress.CampaignProgress;
import fr.certiflow.tabular.SheetLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The managers' progress workbook: a summary sheet with counts by stage and outcome, and one row per candidate with
 * where each production stands. Streaming (SXSSF) like the minutes.
 */
public final class ProgressWorkbook {

    /** The labels of production and campaign statuses, then of the decisions (whose labels {@link Decision} keeps). */
    static final Map<String, String> LABELS = labels();
    /** Widths (characters) of the candidates sheet: the demo campaign prints landscape at 8 pt or more. */
    private static final int NUMBER_WIDTH = 10;
    private static final int NAME_WIDTH = 14;
    private static final int GROUP_WIDTH = 8;
    /** The candidate's route: « Formation », or the règlement's VAE route, wrapped. */
    private static final int ROUTE_WIDTH = 16;
    private static final int RESULT_WIDTH = 13;

    private ProgressWorkbook() {
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("AWAITING_SUBMISSION", "En attente de remise"), Map.entry("SUBMITTED", "Remise"),
                Map.entry("RETURNED", "Renvoyée au candidat"), Map.entry("ADMISSIBLE", "Recevable"),
                Map.entry("JURY_ASSIGNED", "Jury désigné"), Map.entry("UNDER_EVALUATION", "En évaluation"),
                Map.entry("HARMONISATION", "En harmonisation"), Map.entry("ASSESSED", "Évaluée"),
                Map.entry("EN_COURS", "En cours"), Map.entry("ACQUIS_ANTERIEUREMENT", "Acquis antérieurement"),
                Map.entry("DRAFT", "En préparation"), Map.entry("LAUNCHED", "Lancée"), Map.entry("CLOSED", "Close"),
                Map.entry("RESULTS_PUBLISHED", "Résultats publiés")));
        for (Decision decision : Decision.values()) {
            labels.put(decision.code(), decision.label());
        }
        return Map.copyOf(labels);
    }

    static String label(String code) {
        if (code == null) {
            return "—";
        }
        if (code.startsWith("PROPOSEE_")) {
            return "Proposée : " + label(code.substring("PROPOSEE_".length()));
        }
        return LABELS.getOrDefault(code, code);
    }

    public static void write(OutputStream out, CampaignProgress.Report report) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            SheetLayout.useArial(workbook);
            CellStyle title = Workbooks.title(workbook);
            CellStyle header = Workbooks.header(workbook);
            CellStyle wrapped = Workbooks.wrapped(workbook);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            SXSSFSheet summary = workbook.createSheet("Synthèse");
            summary.setColumnWidth(0, 40 * 256);
            summary.setColumnWidth(1, 14 * 256);
            int r = 0;
            Workbooks.text(summary.createRow(r++), 0, "Avancement de la campagne " + report.name() + " (" + report.code() + ")", title);
            Workbooks.text(summary.createRow(r++), 0, "État de la campagne : " + label(report.status() == null ? null : report.status().name()), null);
            r++;
            r = counts(summary, r, header, "Productions par étape", report.productions().byStatus());
            Row total = summary.createRow(r++);
            Workbooks.text(total, 0, "Total des productions", header);
            Workbooks.number(total, 1, report.productions().total(), header);
            r++;
            r = counts(summary, r, header, "Résultats des composantes", report.productionResults());
            r++;
            r = counts(summary, r, header, "Blocs", report.blocs());
            r++;
            counts(summary, r, header, "Certification", report.certifications());
            Workbooks.printSetup(summary, false, 0);

            SXSSFSheet sheet = workbook.createSheet("Candidats");
            TreeSet<String> blocs = new TreeSet<>();
            TreeSet<String> components = new TreeSet<>();
            report.candidates().forEach(candidate -> {
                blocs.addAll(candidate.blocs().keySet());
                candidate.productions().forEach(production -> components.add(production.component()));
            });
            List<String> columns = new ArrayList<>(List.of("N° candidat", "Nom", "Prénom", "Groupe", "Parcours"));
            blocs.forEach(bloc -> columns.add("Bloc " + bloc));
            components.forEach(component -> columns.add("Composante " + component));
            columns.add("Certification");
            Row head = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Workbooks.text(head, i, columns.get(i), header);
                sheet.setColumnWidth(i, (i == 0 ? NUMBER_WIDTH : i < 3 ? NAME_WIDTH : i == 3 ? GROUP_WIDTH : i == 4 ? ROUTE_WIDTH : RESULT_WIDTH) * 256);
            }
            SheetLayout.fitHeight(head);
            sheet.createFreezePane(1, 1);
            int row = 1;
            SheetLayout.Rows heights = new SheetLayout.Rows(sheet);
            for (CampaignProgress.CandidateProgress candidate : report.candidates()) {
                Row line = sheet.createRow(row++);
                int c = 0;
                Workbooks.text(line, c++, candidate.number(), wrapped);
                Workbooks.text(line, c++, candidate.lastName(), wrapped);
                Workbooks.text(line, c++, candidate.firstName(), wrapped);
                Workbooks.text(line, c++, candidate.group(), wrapped);
                Workbooks.text(line, c++, candidate.route(), wrapped);
                for (String bloc : blocs) {
                    Workbooks.text(line, c++, label(candidate.blocs().get(bloc)), wrapped);
                }
                for (String component : components) {
                    var latest = candidate.productions().stream().filter(p -> p.component().equals(component))
                            .reduce((first, second) -> second);
                    Workbooks.text(line, c++, latest.map(p -> label(p.result() != null ? p.result() : p.status())
                            + (p.attempt() > 1 ? " (passage " + p.attempt() + ")" : "")).orElse("—"), wrapped);
                }
                Workbooks.text(line, c, label(candidate.certification()), wrapped);
                heights.fit(line);
            }
            Workbooks.printSetup(sheet, true, 0);
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    private static int counts(SXSSFSheet sheet, int r, CellStyle header, String title, Map<String, Long> counts) {
        Workbooks.text(sheet.createRow(r++), 0, title, header);
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            Row row = sheet.createRow(r++);
            Workbooks.text(row, 0, label(count.getKey()), null);
            Workbooks.number(row, 1, count.getValue(), null);
        }
        return r;
    }
}
