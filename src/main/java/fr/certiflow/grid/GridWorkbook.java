package fr.certiflow.grid;

import fr.certiflow.referential.model.Competence;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Criterion;
import fr.certiflow.referential.model.Production;
import fr.certiflow.referential.model.Referential;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a juror's evaluation grid: a header, then a block per criterion with its competences, its indicators each
 * with a tick cell, a rating cell (Acquis / Non acquis) and a comment cell. Only the answer cells are unlocked.
 * All text is the référentiel's and stays text: a value starting with '=' is never a formula.
 */
public final class GridWorkbook {

    public static final String SHEET = "Grille";
    public static final String[] RATINGS = {"Acquis", "Non acquis"};

    /** What the grid's header shows. */
    public record Header(String campaign, String candidate, String juror, String dates) {
    }

    private GridWorkbook() {
    }

    public static byte[] write(Referential referential, Component component, Header header) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            XSSFSheet sheet = workbook.createSheet(SHEET);
            sheet.setColumnWidth(0, 30 * 256);
            sheet.setColumnWidth(1, 70 * 256);
            sheet.setColumnWidth(2, 16 * 256);
            int row = 0;
            row = text(sheet, row, styles.title, "Grille d'évaluation — " + referential.title());
            Production production = component.production();
            row = pair(sheet, row, styles, "Session", header.campaign());
            row = pair(sheet, row, styles, "Composante", component.code() + " " + component.title());
            row = pair(sheet, row, styles, "Production", production.name() + " — "
                    + (production.collective() ? "travail collectif" : "travail individuel") + ", "
                    + (production.hasOral() ? (production.formats().size() > 1 ? "production écrite et orale" : "production orale")
                    : "production écrite"));
            row = pair(sheet, row, styles, "Candidat", header.candidate());
            row = pair(sheet, row, styles, "Juré", header.juror());
            row = pair(sheet, row, styles, "Dates", header.dates());
            row++;
            Map<String, Competence> competences = component.competences().stream()
                    .collect(Collectors.toMap(Competence::code, Function.identity()));
            DataValidationHelper validations = sheet.getDataValidationHelper();
            int number = 1;
            for (Criterion criterion : component.criteria()) {
                Row titleRow = sheet.createRow(row);
                cell(titleRow, 0, styles.criterion, "Critère " + number++ + " — " + criterion.title());
                cell(titleRow, 1, styles.criterion, "");
                cell(titleRow, 2, styles.criterion, "");
                sheet.addMergedRegion(new CellRangeAddress(row, row, 0, 2));
                row++;
                String linked = criterion.competences().stream()
                        .map(code -> code + " " + (competences.containsKey(code) ? competences.get(code).text() : ""))
                        .collect(Collectors.joining("\n"));
                row = pairWrapped(sheet, row, styles, "Compétences évaluées", linked);
                for (int i = 0; i < criterion.indicators().size(); i++) {
                    Row indicator = sheet.createRow(row++);
                    cell(indicator, 0, styles.label, "Indicateur " + (i + 1));
                    cell(indicator, 1, styles.wrapped, criterion.indicators().get(i));
                    cell(indicator, 2, styles.answer, "");
                }
                Row rating = sheet.createRow(row);
                cell(rating, 0, styles.label, "Appréciation");
                cell(rating, 1, styles.hint, "Acquis ou Non acquis (liste déroulante)");
                cell(rating, 2, styles.answer, "");
                DataValidation dropdown = validations.createValidation(
                        validations.createExplicitListConstraint(RATINGS), new CellRangeAddressList(row, row, 2, 2));
                dropdown.setShowErrorBox(true);
                dropdown.createErrorBox("Appréciation", "Choisissez Acquis ou Non acquis.");
                sheet.addValidationData(dropdown);
                row++;
                Row comment = sheet.createRow(row);
                comment.setHeightInPoints(45);
                cell(comment, 0, styles.label, "Commentaire (obligatoire si non acquis)");
                cell(comment, 1, styles.answerWrapped, "");
                sheet.addMergedRegion(new CellRangeAddress(row, row, 1, 2));
                cell(comment, 2, styles.answerWrapped, "");
                row += 2;
            }
            PrintSetup print = sheet.getPrintSetup();
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setRepeatingRows(new CellRangeAddress(0, 0, 0, 2));
            sheet.getFooter().setCenter("Page &P / &N");
            // Locked with a password nobody keeps: only the answer cells can change.
            sheet.protectSheet(java.util.UUID.randomUUID().toString());
            sheet.enableLocking();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the evaluation grid", e);
        }
    }

    private static int text(XSSFSheet sheet, int row, CellStyle style, String value) {
        cell(sheet.createRow(row), 0, style, value);
        return row + 1;
    }

    private static int pair(XSSFSheet sheet, int row, Styles styles, String label, String value) {
        Row line = sheet.createRow(row);
        cell(line, 0, styles.label, label);
        cell(line, 1, styles.value, value);
        return row + 1;
    }

    private static int pairWrapped(XSSFSheet sheet, int row, Styles styles, String label, String value) {
        Row line = sheet.createRow(row);
        cell(line, 0, styles.label, label);
        cell(line, 1, styles.wrapped, value);
        line.setHeightInPoints(Math.max(15, 15 * (1 + value.length() / 90 + (int) value.chars().filter(c -> c == '\n').count())));
        return row + 1;
    }

    /** Always a string cell: text from the référentiel or a person is never evaluated as a formula. */
    static void cell(Row row, int column, CellStyle style, String value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle label;
        final CellStyle value;
        final CellStyle wrapped;
        final CellStyle criterion;
        final CellStyle hint;
        final CellStyle answer;
        final CellStyle answerWrapped;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            Font italic = workbook.createFont();
            italic.setItalic(true);
            title = locked(workbook);
            title.setFont(big);
            label = locked(workbook);
            label.setFont(bold);
            label.setVerticalAlignment(VerticalAlignment.TOP);
            label.setWrapText(true);
            value = locked(workbook);
            wrapped = locked(workbook);
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            criterion = locked(workbook);
            criterion.setFont(bold);
            criterion.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            criterion.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            hint = locked(workbook);
            hint.setFont(italic);
            answer = workbook.createCellStyle();
            answer.setLocked(false);
            answer.setBorderBottom(BorderStyle.THIN);
            answer.setBorderTop(BorderStyle.THIN);
            answer.setBorderLeft(BorderStyle.THIN);
            answer.setBorderRight(BorderStyle.THIN);
            answer.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            answer.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            answerWrapped = workbook.createCellStyle();
            answerWrapped.cloneStyleFrom(answer);
            answerWrapped.setWrapText(true);
            answerWrapped.setVerticalAlignment(VerticalAlignment.TOP);
        }

        private static CellStyle locked(XSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setLocked(true);
            return style;
        }
    }
}
