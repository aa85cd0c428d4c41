package fr.certiflow.documents;

import fr.certiflow.tabular.SheetLayout;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** Layout measures the document tests share. */
final class SheetLayoutAssert {

    private SheetLayoutAssert() {
    }

    /** The smallest font size of the workbook as printed on this sheet, one page wide. */
    static double printedPoints(Workbook workbook, Sheet sheet, int lastColumn) {
        double scale = SheetLayout.printScale(sheet, lastColumn, sheet.getPrintSetup().getLandscape());
        double smallest = Double.MAX_VALUE;
        for (int f = 0; f < workbook.getNumberOfFonts(); f++) {
            smallest = Math.min(smallest, workbook.getFontAt(f).getFontHeightInPoints() * scale);
        }
        return smallest;
    }
}
