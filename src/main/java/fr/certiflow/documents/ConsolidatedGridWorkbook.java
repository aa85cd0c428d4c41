package fr.certiflow.documents;

import fr.certiflow.evaluation.ConsolidatedRating;
import fr.certiflow.evaluation.CriterionRating;
import fr.certiflow.evaluation.Evaluation;
import fr.certiflow.referential.model.Component;
import fr.certiflow.regulation.Regulation;
import fr.certiflow.referential.model.Criterion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Consolidated grid of a production: who the jury is and how it was designated, each juror's rating and comment per
 * criterion, the jury's rating, and any derogation to the rules of the jury's composition.
 */
public final class ConsolidatedGridWorkbook {

    private ConsolidatedGridWorkbook() {
    }

    public static byte[] write(String title, String candidate, Component component, Regulation regulation,
            List<Evaluation> evaluations, List<ConsolidatedRating> consolidated, String result, String jury,
            String derogation) {
        Regulation.Scale scale = regulation.scale();
        Map<String, ConsolidatedRating> agreed = consolidated.stream()
                .collect(Collectors.toMap(ConsolidatedRating::getCriterionCode, Function.identity()));
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = Workbooks.header(workbook);
            CellStyle wrapped = Workbooks.wrapped(workbook);
            XSSFSheet sheet = workbook.createSheet("Grille consolidée");
            Workbooks.text(sheet.createRow(0), 0, title, Workbooks.title(workbook));
            Workbooks.text(sheet.createRow(1), 0, "Composante " + component.code() + " " + component.title(), null);
            Workbooks.text(sheet.createRow(2), 0, "Candidat : " + candidate, null);
            Workbooks.text(sheet.createRow(3), 0, "Résultat de la composante : " + (result == null ? "en cours" : result), null);
            Workbooks.text(sheet.createRow(4), 0, jury, null);
            Row head = sheet.createRow(5);
            int c = 0;
            Workbooks.text(head, c++, "Critère", header);
            for (Evaluation evaluation : evaluations) {
                Workbooks.text(head, c++, "Juré " + evaluation.getJurorUserId(), header);
            }
            Workbooks.text(head, c++, "Appréciation du jury", header);
            Workbooks.text(head, c, "Harmonisation", header);
            sheet.setColumnWidth(0, 50 * 256);
            for (int i = 1; i <= evaluations.size() + 2; i++) {
                sheet.setColumnWidth(i, 36 * 256);
            }
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
                Workbooks.text(row, column++, rating == null ? "—" : scale.label(rating.getRating()), null);
                Workbooks.text(row, column, rating == null || !rating.isHarmonised() ? "" : "Harmonisé : " + rating.getComment(), wrapped);
            }
            if (derogation != null) {
                Row row = sheet.createRow(r + 1);
                Workbooks.text(row, 0, derogation, wrapped);
                sheet.addMergedRegion(new CellRangeAddress(r + 1, r + 1, 0, evaluations.size() + 2));
                row.setHeightInPoints(4 * sheet.getDefaultRowHeightInPoints());
                r++;
            }
            Row rule = sheet.createRow(r + 1);
            Workbooks.text(rule, 0, "Règle de décision : composante validée avec " + regulation.component().describe()
                    + " (" + regulation.title() + ") ; critères et indicateurs : référentiel.", wrapped);
            sheet.addMergedRegion(new CellRangeAddress(r + 1, r + 1, 0, evaluations.size() + 2));
            rule.setHeightInPoints(2 * sheet.getDefaultRowHeightInPoints());
            Workbooks.printSetup(sheet, true, 5, evaluations.size() + 2);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Regulation.Scale scale, CriterionRating rating) {
        return scale.label(rating.getRating()) + (rating.getComment() == null ? "" : " — " + rating.getComment());
    }
}
