package fr.certiflow.documents;

import fr.certiflow.tabular.SheetLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The PV de délibération: one row per candidate with each bloc's decision and composantes' results, the overrides
 * and their justifications, the certification decision; then, on a sheet of its own, the certification jury that sat
 * and a signature space for each member. Written with
 * SXSSF: rows stream to disk past a window of 100, so 10,000 candidates fit in bounded memory.
 */
public final class MinutesWorkbook {

    /**
     * A bloc of the référentiel and its composantes, in order.
     *
     * @param componentTitles composante code → its title (the code alone when absent)
     */
    public record BlocColumns(String code, String title, List<String> components, Map<String, String> componentTitles) {

        public BlocColumns(String code, String title, List<String> components) {
            this(code, title, components, Map.of());
        }
    }

    /**
     * @param certification the certification's title
     * @param campaign the session's name and code
     * @param referential the référentiel and règlement that applied
     * @param dates the session's dates, written the French way (JJ/MM/AAAA)
     */
    public record Header(String certification, String campaign, String referential, String dates, List<BlocColumns> blocs) {

        public Header(String certification, String campaign, String referential, List<BlocColumns> blocs) {
            this(certification, campaign, referential, null, blocs);
        }
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

    /** Column widths (characters): sized so that the demo référentiel's PV prints landscape at 8 pt or more. */
    private static final int NUMBER_WIDTH = 10;
    private static final int LAST_NAME_WIDTH = 13;
    private static final int FIRST_NAME_WIDTH = 11;
    private static final int ROUTE_WIDTH = 12;
    private static final int BLOC_WIDTH = 12;
    private static final int COMPONENT_WIDTH = 14;
    private static final int OVERRIDES_WIDTH = 28;
    private static final int CERTIFICATION_WIDTH = 13;
    /** Rows of the block above the table: title, certification, référentiel, session, dates. */
    private static final int TITLE_ROWS = 6;

    private MinutesWorkbook() {
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
            Styles styles = new Styles(workbook);
            List<String> columns = new ArrayList<>(List.of("N° candidat", "Nom", "Prénom", "Parcours"));
            List<Integer> widths = new ArrayList<>(List.of(NUMBER_WIDTH, LAST_NAME_WIDTH, FIRST_NAME_WIDTH, ROUTE_WIDTH));
            for (BlocColumns bloc : header.blocs()) {
                columns.add("Décision du bloc " + bloc.code());
                widths.add(BLOC_WIDTH);
                for (String component : bloc.components()) {
                    String title = bloc.componentTitles().get(component);
                    columns.add(title == null ? component : component + " " + SheetLayout.breakable(title));
                    widths.add(COMPONENT_WIDTH);
                }
            }
            columns.add("Décisions motivées (dérogations et justifications)");
            widths.add(OVERRIDES_WIDTH);
            columns.add("Décision de certification");
            widths.add(CERTIFICATION_WIDTH);
            int last = columns.size() - 1;
            for (int i = 0; i <= last; i++) {
                sheet.setColumnWidth(i, widths.get(i) * 256);
            }

            int r = 0;
            Row titleRow = sheet.createRow(r++);
            Workbooks.text(titleRow, 0, "Procès-verbal de délibération du jury de certification", styles.title);
            SheetLayout.fitHeight(titleRow);
            // No RNCP mention: the référentiel carries no RNCP number, and none is written that the data does not give.
            r = line(sheet, r, "Certification : " + header.certification(), styles.bold, last);
            r = line(sheet, r, "Référentiel : " + header.referential(), styles.wrapped, last);
            r = line(sheet, r, "Session : " + header.campaign(), styles.wrapped, last);
            if (header.dates() != null) {
                r = line(sheet, r, "Dates : " + header.dates(), styles.wrapped, last);
            }
            r = Math.max(r, TITLE_ROWS - 1) + 1;

            // Two header rows, repeated on every page: each bloc's full title above its columns, then the columns.
            int blocRow = r++;
            int headerRow = r++;
            Row blocs = sheet.createRow(blocRow);
            Row head = sheet.createRow(headerRow);
            for (int i = 0; i <= last; i++) {
                Workbooks.text(blocs, i, "", styles.header);
                Workbooks.text(head, i, columns.get(i), styles.header);
            }
            int column = 4;
            for (BlocColumns bloc : header.blocs()) {
                int lastOfBloc = column + bloc.components().size();
                blocs.getCell(column).setCellValue("Bloc " + bloc.code() + " — " + bloc.title());
                if (lastOfBloc > column) {
                    sheet.addMergedRegion(new CellRangeAddress(blocRow, blocRow, column, lastOfBloc));
                }
                SheetLayout.fitHeight(blocs, column, column, lastOfBloc);
                column = lastOfBloc + 1;
            }
            SheetLayout.fitHeight(head);
            sheet.createFreezePane(3, headerRow + 1);

            int candidates = 0;
            SheetLayout.Rows heights = new SheetLayout.Rows(sheet);
            for (CandidateRow candidate : rows) {
                Row row = sheet.createRow(r++);
                int c = 0;
                Workbooks.text(row, c++, candidate.number(), styles.cell);
                Workbooks.text(row, c++, candidate.lastName(), styles.cell);
                Workbooks.text(row, c++, candidate.firstName(), styles.cell);
                Workbooks.text(row, c++, candidate.route(), styles.cell);
                for (BlocColumns bloc : header.blocs()) {
                    Workbooks.text(row, c++, candidate.blocDecisions().getOrDefault(bloc.code(), "—"), styles.cell);
                    for (String component : bloc.components()) {
                        Workbooks.text(row, c++, candidate.componentResults().getOrDefault(component, "—"), styles.cell);
                    }
                }
                Workbooks.text(row, c++, candidate.overrides(), styles.cell);
                Workbooks.text(row, c, candidate.certification(), styles.cell);
                heights.fit(row);
                candidates++;
            }
            r++;
            line(sheet, r, "Nombre de candidats : " + number(candidates), styles.bold, last);
            SheetLayout.printSetup(sheet, true, blocRow, headerRow);

            // The jury, its deliberations and its signatures: a sheet of their own, printed after the table, so that
            // its pages carry neither the table's repeated header rows nor its landscape width.
            SXSSFSheet signing = workbook.createSheet(JURY_SHEET);
            signing.setColumnWidth(0, SIGNER_WIDTH * 256);
            signing.setColumnWidth(1, (SheetLayout.printableWidth(false) / 256 - SIGNER_WIDTH - 1) * 256);
            int s = 0;
            Row juryTitle = signing.createRow(s++);
            Workbooks.text(juryTitle, 0, "Procès-verbal de délibération du jury de certification — jury et signatures", styles.title);
            SheetLayout.fitHeight(juryTitle);
            s = line(signing, s, "Certification : " + header.certification(), styles.bold, 1);
            s = line(signing, s, "Session : " + header.campaign(), styles.wrapped, 1);
            s++;
            s = line(signing, s, jury.heading(), styles.bold, 1);
            if (jury.rules() != null) {
                s = line(signing, s, jury.rules(), styles.wrapped, 1);
            }
            for (String member : jury.members()) {
                s = line(signing, s, member, styles.wrapped, 1);
            }
            if (!blocJuries.isEmpty()) {
                s++;
                s = line(signing, s, "Délibérations des blocs", styles.bold, 1);
                for (String text : blocJuries) {
                    s = line(signing, s, text, styles.wrapped, 1);
                }
            }
            s++;
            if (jury.president() != null) {
                s = line(signing, s, "Le président du jury : " + jury.president(), styles.bold, 1);
            }
            signatures(signing, s, jury, styles);
            SheetLayout.printSetup(signing, false, -1, -1);
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    /** A line of text across the whole width (merged, wrapped, its row as tall as the text needs); the next row. */
    private static int line(SXSSFSheet sheet, int r, String text, CellStyle style, int last) {
        Row row = sheet.createRow(r);
        Workbooks.text(row, 0, text, style);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, last));
        SheetLayout.fitHeight(row, 0, 0, last);
        return r + 1;
    }

    /**
     * The signatures: one line per member who sat (or, before the jury sat, the president alone), the name on the
     * left and a box to sign on the right, tall enough to sign in.
     */
    private static void signatures(SXSSFSheet sheet, int r, Jury jury, Styles styles) {
        Row heading = sheet.createRow(r++);
        Workbooks.text(heading, 0, "Signataire", styles.header);
        Workbooks.text(heading, 1, "Date et signature", styles.header);
        List<String> signers = jury.members().stream().filter(member -> !member.endsWith(ABSENT)).toList();
        if (signers.isEmpty()) {
            signers = List.of("Le président du jury");
        }
        for (String member : signers) {
            Row row = sheet.createRow(r++);
            Workbooks.text(row, 0, member, styles.boxed);
            Workbooks.text(row, 1, "", styles.boxed);
            SheetLayout.fitHeight(row);
            row.setHeightInPoints(Math.max(row.getHeightInPoints(), SIGNATURE_POINTS));
        }
    }

    /** A count written the French way: thousands apart by a no-break space (« 10 000 »). */
    public static String number(long count) {
        return String.format(java.util.Locale.ROOT, "%,d", count).replace(',', '\u00A0');
    }

    /** The sheet of the jury and its signatures. */
    public static final String JURY_SHEET = "Jury et signatures";
    /** Width of the signers' column of the jury sheet (characters); the signature boxes take the rest of the page. */
    private static final int SIGNER_WIDTH = 50;

    /** How the member lines end for a member designated who did not sit: they do not sign. */
    public static final String ABSENT = "— désigné, absent";

    /** Height of a signature box, in points (about 1.5 cm). */
    static final float SIGNATURE_POINTS = 42f;

    private static final class Styles {
        final CellStyle title;
        final CellStyle bold;
        final CellStyle wrapped;
        final CellStyle header;
        final CellStyle cell;
        final CellStyle boxed;

        Styles(SXSSFWorkbook workbook) {
            SheetLayout.useArial(workbook);
            title = workbook.createCellStyle();
            title.setFont(SheetLayout.font(workbook, true, false, 14));
            bold = workbook.createCellStyle();
            bold.setFont(SheetLayout.font(workbook, true, false, SheetLayout.TEXT_POINTS));
            bold.setWrapText(true);
            bold.setVerticalAlignment(VerticalAlignment.TOP);
            wrapped = Workbooks.wrapped(workbook);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            header = Workbooks.header(workbook);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setBorderTop(BorderStyle.THIN);
            header.setBorderLeft(BorderStyle.THIN);
            header.setBorderRight(BorderStyle.THIN);
            cell = Workbooks.boxed(workbook);
            cell.setWrapText(true);
            cell.setVerticalAlignment(VerticalAlignment.TOP);
            boxed = Workbooks.boxed(workbook);
            boxed.setVerticalAlignment(VerticalAlignment.TOP);
            boxed.setWrapText(true);
        }
    }
}
