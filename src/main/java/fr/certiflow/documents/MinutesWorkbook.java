package fr.certiflow.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The PV de délibération: one row per candidate with each bloc's decision and composantes' results, the overrides
 * and their justifications, the certification decision; then the certification jury that sat and a signature area. Written with
 * SXSSF: rows stream to disk past a window of 100, so 10,000 candidates fit in bounded memory.
 */
public final class MinutesWorkbook {

    /** A bloc of the référentiel and its composantes, in order. */
    public record BlocColumns(String code, String title, List<String> components) {
    }

    public record Header(String certification, String campaign, String referential, List<BlocColumns> blocs) {
    }

    /**
     * @param route how the candidate was assessed: « Formation », or the règlement's VAE route
     * @param blocDecisions bloc code → decision label
     * @param componentResults composante code → result label
     * @param overrides the overrides with their justifications, as one text
     */
    public record CandidateRow(String number, String lastName, String firstName, String route,
            Map<String, String> blocDecisions,
            Map<String, String> componentResults, String overrides, String certification) {
    }

    /**
     * The certification jury as the PV states it.
     *
     * @param heading what the jury is and when it sat, or that it has not sat yet
     * @param rules the règlement it was designated under and its attendance
     * @param members one line per member who sat (or was designated), the chair first
     * @param president who signs, or null before the jury sat
     */
    public record Jury(String heading, String rules, List<String> members, String president) {
    }

    private static final int OVERRIDES_WIDTH = 50;
    private static final int ROUTE_WIDTH = 22;
    private static final float LINE_POINTS = 13f;

    private MinutesWorkbook() {
    }

    /** Lines a wrapped text takes in a column of this many characters (a rough measure, on the generous side). */
    static int lines(String text, int width) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines += Math.max(1, (int) Math.ceil(paragraph.length() * 1.1 / width));
        }
        return lines;
    }

    public static void write(OutputStream out, Header header, Iterable<CandidateRow> rows, Jury jury)
            throws IOException {
        write(out, header, rows, jury, List.of());
    }

    /** @param blocJuries one line per bloc: who deliberated on it */
    public static void write(OutputStream out, Header header, Iterable<CandidateRow> rows, Jury jury,
            List<String> blocJuries) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            SXSSFSheet sheet = workbook.createSheet("Procès-verbal");
            CellStyle title = Workbooks.title(workbook);
            CellStyle headerStyle = Workbooks.header(workbook);
            CellStyle wrapped = Workbooks.wrapped(workbook);
            CellStyle boxed = Workbooks.boxed(workbook);
            // Long lines in bold that run over the empty cells to their right, as wrapped headers could not.
            CellStyle section = workbook.createCellStyle();
            org.apache.poi.ss.usermodel.Font bold = workbook.createFont();
            bold.setBold(true);
            section.setFont(bold);
            Workbooks.text(sheet.createRow(0), 0, "Procès-verbal de délibération — " + header.certification(), title);
            Workbooks.text(sheet.createRow(1), 0, "Session : " + header.campaign() + " — référentiel " + header.referential(), null);
            List<String> columns = new ArrayList<>(List.of("N° candidat", "Nom", "Prénom", "Parcours"));
            for (BlocColumns bloc : header.blocs()) {
                columns.add("Bloc " + bloc.code() + " — " + bloc.title());
                bloc.components().forEach(component -> columns.add(component));
            }
            columns.add("Décisions motivées (dérogations)");
            columns.add("Décision de certification");
            int headerRow = 3;
            Row head = sheet.createRow(headerRow);
            int headLines = 1;
            for (int i = 0; i < columns.size(); i++) {
                Workbooks.text(head, i, columns.get(i), headerStyle);
                int width = i < 3 ? 16 : i == 3 ? ROUTE_WIDTH : i == columns.size() - 2 ? OVERRIDES_WIDTH : 18;
                sheet.setColumnWidth(i, width * 256);
                headLines = Math.max(headLines, lines(columns.get(i), width));
            }
            // Streamed rows are not measured by the reader: wrapped cells get the height their text needs.
            head.setHeightInPoints(headLines * LINE_POINTS);
            sheet.createFreezePane(3, headerRow + 1);
            int r = headerRow + 1;
            int candidates = 0;
            for (CandidateRow candidate : rows) {
                Row row = sheet.createRow(r++);
                int c = 0;
                Workbooks.text(row, c++, candidate.number(), null);
                Workbooks.text(row, c++, candidate.lastName(), null);
                Workbooks.text(row, c++, candidate.firstName(), null);
                Workbooks.text(row, c++, candidate.route(), wrapped);
                for (BlocColumns bloc : header.blocs()) {
                    Workbooks.text(row, c++, candidate.blocDecisions().getOrDefault(bloc.code(), "—"), null);
                    for (String component : bloc.components()) {
                        Workbooks.text(row, c++, candidate.componentResults().getOrDefault(component, "—"), null);
                    }
                }
                Workbooks.text(row, c++, candidate.overrides(), wrapped);
                int overrideLines = Math.max(lines(candidate.overrides(), OVERRIDES_WIDTH),
                        lines(candidate.route(), ROUTE_WIDTH));
                if (overrideLines > 1) {
                    row.setHeightInPoints(overrideLines * LINE_POINTS);
                }
                Workbooks.text(row, c, candidate.certification(), null);
                candidates++;
            }
            r++;
            Workbooks.text(sheet.createRow(r++), 0, "Nombre de candidats : " + candidates, null);
            r++;
            Workbooks.text(sheet.createRow(r++), 0, jury.heading(), section);
            if (jury.rules() != null) {
                Workbooks.text(sheet.createRow(r++), 0, jury.rules(), null);
            }
            for (String member : jury.members()) {
                Workbooks.text(sheet.createRow(r++), 0, member, null);
            }
            if (!blocJuries.isEmpty()) {
                r++;
                Workbooks.text(sheet.createRow(r++), 0, "Délibérations des blocs", section);
                for (String line : blocJuries) {
                    Workbooks.text(sheet.createRow(r++), 0, line, null);
                }
            }
            r++;
            Row signature = sheet.createRow(r++);
            Workbooks.text(signature, 0, jury.president() == null ? "Le président du jury"
                    : "Le président du jury : " + jury.president(), section);
            Workbooks.text(signature, 3, "Date et signature", headerStyle);
            for (int i = 0; i < 4; i++) {
                Row box = sheet.createRow(r++);
                for (int c = 0; c < 6; c++) {
                    Workbooks.text(box, c, "", boxed);
                }
            }
            Workbooks.printSetup(sheet, true, headerRow, columns.size() - 1);
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }
}
