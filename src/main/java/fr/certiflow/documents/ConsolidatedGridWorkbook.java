package fr.certiflow.documents;

import fr.certiflow.evaluation.ConsolidatedRating;
import fr.certiflow.evaluation.CriterionRating;
import fr.certiflow.evaluation.Evaluation;
import fr.certiflow.referential.model.Component;
import fr.certiflow.regulation.Regulation;
import fr.certiflow.referential.model.Criterion;
import fr.certiflow.tabular.SheetLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Consolidated grid of a production: who the jury is and how it was designated, each juror's rating and comment per
 * criterion, the jury's rating, and any derogation to the rules of the jury's composition. People are shown by name.
 * A group's sitting has one workbook for the group, a sheet per member.
 */
public final class ConsolidatedGridWorkbook {

    /** The individual production's only sheet. */
    public static final String SHEET = "Grille consolidée";

    private ConsolidatedGridWorkbook() {
    }

    /** A member's part of a group's consolidated workbook, or an individual production's whole workbook. */
    public record Section(String sheetName, String candidate, List<Evaluation> evaluations,
            List<ConsolidatedRating> consolidated, String result, String jury, String derogation) {
    }

    /** @param names juror and president login → name, as people are shown (the login when a name is missing) */
    public static byte[] write(String title, String candidate, Component component, Regulation regulation,
            List<Evaluation> evaluations, List<ConsolidatedRating> consolidated, String result, String jury,
            String derogation, Map<String, String> names) {
        return write(title, component, regulation, List.of(new Section(SHEET, candidate, evaluations, consolidated, result,
                jury, derogation)), names);
    }

    /**
     * A group's consolidated workbook: one sheet per member (the individual layout, the member's jurors' ratings, the
     * jury's rating and the member's own result), in the group's order.
     */
    public static byte[] write(String title, Component component, Regulation regulation, List<Section> sections,
            Map<String, String> names) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SheetLayout.useArial(workbook);
            CellStyle header = Workbooks.header(workbook);
            CellStyle wrapped = Workbooks.wrapped(workbook);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle titleStyle = Workbooks.title(workbook);
            for (Section section : sections) {
                writeSheet(workbook.createSheet(section.sheetName()), header, wrapped, titleStyle, title, component,
                        regulation, section, names);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeSheet(XSSFSheet sheet, CellStyle header, CellStyle wrapped, CellStyle titleStyle, String title,
            Component component, Regulation regulation, Section section, Map<String, String> names) {
        Regulation.Scale scale = regulation.scale();
        List<Evaluation> evaluations = section.evaluations();
        String candidate = section.candidate();
        String result = section.result();
        String jury = section.jury();
        String derogation = section.derogation();
        Map<String, ConsolidatedRating> agreed = section.consolidated().stream()
                .collect(Collectors.toMap(ConsolidatedRating::getCriterionCode, Function.identity()));
        int last = evaluations.size() + 2;
        // Landscape A4 at full size with two jurors, at 8 pt or more up to four.
        sheet.setColumnWidth(0, 34 * 256);
        for (int i = 1; i <= evaluations.size(); i++) {
            sheet.setColumnWidth(i, 34 * 256);
        }
        sheet.setColumnWidth(last - 1, 14 * 256);
        sheet.setColumnWidth(last, 30 * 256);
        Row titleRow = sheet.createRow(0);
        Workbooks.text(titleRow, 0, title, titleStyle);
        SheetLayout.fitHeight(titleRow);
        String[] lines = {"Composante " + component.code() + " " + component.title(), "Candidat : " + candidate,
                "Résultat de la composante : " + (result == null ? "en cours" : result), jury};
        for (int i = 0; i < lines.length; i++) {
            Row row = sheet.createRow(i + 1);
            Workbooks.text(row, 0, lines[i], wrapped);
            sheet.addMergedRegion(new CellRangeAddress(i + 1, i + 1, 0, last));
            SheetLayout.fitHeight(row, 0, 0, last);
        }
        Row head = sheet.createRow(5);
        int c = 0;
        Workbooks.text(head, c++, "Critère", header);
        for (Evaluation evaluation : evaluations) {
            Workbooks.text(head, c++, "Juré : " + names.getOrDefault(evaluation.getJurorUserId(), evaluation.getJurorUserId()), header);
        }
        Workbooks.text(head, c++, "Appréciation du jury", header);
        Workbooks.text(head, c, "Harmonisation", header);
        SheetLayout.fitHeight(head);
        int r = 6;
        for (Criterion criterion : component.criteria()) {
            Row row = sheet.createRow(r++);
            int column = 0;
            Workbooks.text(row, column++, criterion.title(), wrapped);
            for (Evaluation evaluation : evaluations) {
                Workbooks.text(row, column++, evaluation.rating(criterion.code()).map(given -> describe(scale, given))
                        .orElse("—"), wrapped);
            }
            ConsolidatedRating rating = agreed.get(criterion.code());
            Workbooks.text(row, column++, rating == null ? "—" : scale.label(rating.getRating()), wrapped);
            Workbooks.text(row, column, rating == null || !rating.isHarmonised() ? "" : "Harmonisé : " + rating.getComment(), wrapped);
            SheetLayout.fitHeight(row);
        }
        if (derogation != null) {
            Row row = sheet.createRow(r + 1);
            Workbooks.text(row, 0, derogation, wrapped);
            sheet.addMergedRegion(new CellRangeAddress(r + 1, r + 1, 0, last));
            SheetLayout.fitHeight(row, 0, 0, last);
            r++;
        }
        Row rule = sheet.createRow(r + 1);
        Workbooks.text(rule, 0, "Règle de décision : composante validée avec " + regulation.component().describe()
                + " (" + regulation.title() + ") ; critères et indicateurs : référentiel.", wrapped);
        sheet.addMergedRegion(new CellRangeAddress(r + 1, r + 1, 0, last));
        SheetLayout.fitHeight(rule, 0, 0, last);
        Workbooks.printSetup(sheet, true, 5);
    }

    private static String describe(Regulation.Scale scale, CriterionRating rating) {
        return scale.label(rating.getRating()) + (rating.getComment() == null ? "" : " — " + rating.getComment());
    }
}
