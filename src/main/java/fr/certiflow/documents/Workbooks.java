package fr.certiflow.documents;

import fr.certiflow.tabular.SheetLayout;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** Shared helpers of the jury documents: text cells only (never a formula), styles, print setup. */
final class Workbooks {

    private Workbooks() {
    }

    /** A string cell whatever the text: "=1+1" written by a person stays the text "=1+1". */
    static Cell text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }

    static Cell number(Row row, int column, long value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }

    static CellStyle header(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(SheetLayout.font(workbook, true, false, SheetLayout.TEXT_POINTS));
        style.setWrapText(true);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        return style;
    }

    static CellStyle title(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(SheetLayout.font(workbook, true, false, 14));
        return style;
    }

    static CellStyle wrapped(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setWrapText(true);
        return style;
    }

    static CellStyle boxed(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }

    /** A4, landscape or not, one page wide, the header row repeated on every page, page numbers in the footer. */
    static void printSetup(Sheet sheet, boolean landscape, int headerRow) {
        SheetLayout.printSetup(sheet, landscape, headerRow, headerRow);
    }
}
