package fr.certiflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.jury.JuryPoolTemplate;
import fr.certiflow.tabular.SheetLayout;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The templates as people print and fill them: print setup, text identifiers, no example in the data sheet. */
@Tag("unit")
class ImportTemplatesTests {

    static XSSFWorkbook open(String which) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream("cohort".equals(which) ? ImportTemplates.cohort() : JuryPoolTemplate.workbook()));
    }

    static List<ImportTemplates.Column> columns(String which) {
        return "cohort".equals(which) ? ImportTemplates.COHORT : JuryPoolTemplate.COLUMNS;
    }

    @ParameterizedTest
    @ValueSource(strings = {"cohort", "jurors"})
    void identifierColumnsAreTextOnEveryPreparedRowAndOthersAreNot(String which) throws Exception {
        try (XSSFWorkbook workbook = open(which)) {
            Sheet data = workbook.getSheetAt(0);
            List<ImportTemplates.Column> columns = columns(which);
            assertThat(columns).anyMatch(ImportTemplates.Column::identifier);
            for (int c = 0; c < columns.size(); c++) {
                boolean identifier = columns.get(c).identifier();
                for (int r : List.of(1, ImportTemplates.FORMATTED_ROWS)) {
                    Row row = data.getRow(r);
                    String format = row.getCell(c) == null ? "General" : row.getCell(c).getCellStyle().getDataFormatString();
                    assertThat(format).as("%s row %d", columns.get(c).header(), r).isEqualTo(identifier ? "@" : "General");
                }
                assertThat(data.getColumnStyle(c).getDataFormatString()).isEqualTo(identifier ? "@" : "General");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cohort", "jurors"})
    void theDataSheetHoldsOnlyTheHeadersAndTheExampleIsOnTheInstructionsSheetWithAnExampleAddress(String which) throws Exception {
        try (XSSFWorkbook workbook = open(which)) {
            Sheet data = workbook.getSheetAt(0);
            for (int r = 1; r <= data.getLastRowNum(); r++) {
                data.getRow(r).forEach(cell -> assertThat(cell.getStringCellValue()).isEmpty());
            }
            Sheet help = workbook.getSheet("Mode d'emploi");
            List<ImportTemplates.Column> columns = columns(which);
            for (int i = 0; i < columns.size(); i++) {
                assertThat(help.getRow(i + 3).getCell(1).getStringCellValue()).isEqualTo(columns.get(i).example());
            }
            assertThat(columns).filteredOn(c -> c.header().equals("Courriel")).singleElement()
                    .satisfies(c -> assertThat(ImportTemplates.isExample(c.example())).isTrue());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cohort", "jurors"})
    void bothSheetsPrintOnePageWideWithRepeatedHeadersAndPageNumbers(String which) throws Exception {
        try (XSSFWorkbook workbook = open(which)) {
            for (Sheet sheet : workbook) {
                assertThat(sheet.getFitToPage()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
                assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
                assertThat(sheet.getRepeatingRows()).isNotNull();
                assertThat(sheet.getFooter().getCenter()).isEqualTo("Page &P / &N");
                int lastColumn = sheet.getRow(sheet.getRepeatingRows().getFirstRow()).getLastCellNum() - 1;
                double scale = SheetLayout.printScale(sheet, lastColumn, sheet.getPrintSetup().getLandscape());
                for (int f = 0; f < workbook.getNumberOfFonts(); f++) {
                    assertThat(workbook.getFontAt(f).getFontHeightInPoints() * scale).as("%s printed font size", sheet.getSheetName())
                            .isGreaterThanOrEqualTo(SheetLayout.MIN_PRINTED_POINTS);
                }
            }
            assertThat(workbook.getSheetAt(0).getPrintSetup().getLandscape()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cohort", "jurors"})
    void everyInstructionRowIsTallEnoughForItsWrappedText(String which) throws Exception {
        try (XSSFWorkbook workbook = open(which)) {
            Sheet help = workbook.getSheet("Mode d'emploi");
            for (int r = 3; r <= help.getLastRowNum(); r++) {
                Row row = help.getRow(r);
                double tallest = 0;
                for (int c = 0; c < 3; c++) {
                    var cell = row.getCell(c);
                    var font = workbook.getFontAt(cell.getCellStyle().getFontIndex());
                    double needed = SheetLayout.lines(cell.getStringCellValue(), font, help.getColumnWidth(c)) * SheetLayout.lineHeight(font);
                    assertThat((double) row.getHeightInPoints()).as("row %d, column %d", r, c).isGreaterThanOrEqualTo(needed);
                    tallest = Math.max(tallest, needed);
                }
                assertThat((double) row.getHeightInPoints()).as("row %d is not far too tall", r).isLessThanOrEqualTo(tallest + 6);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cohort", "jurors"})
    void eachExampleAndColumnNameHoldsOnOneLineAndTheInstructionsPrintAtFullSize(String which) throws Exception {
        try (XSSFWorkbook workbook = open(which)) {
            Sheet help = workbook.getSheet("Mode d'emploi");
            var font = workbook.getFontAt(0);
            for (int i = 0; i < columns(which).size(); i++) {
                Row row = help.getRow(i + 3);
                for (int c = 0; c < 2; c++) {
                    assertThat(SheetLayout.lines(row.getCell(c).getStringCellValue(), font, help.getColumnWidth(c)))
                            .as("« %s » on one line", row.getCell(c).getStringCellValue()).isEqualTo(1);
                }
            }
            // The « Courriel » row: one line high (its address was measured on two lines in a narrower column).
            Row email = help.getRow(3 + columns(which).stream().map(ImportTemplates.Column::header).toList().indexOf("Courriel"));
            assertThat((double) email.getHeightInPoints()).isLessThan(2 * SheetLayout.lineHeight(font));
            assertThat(help.getColumnWidth(0) + help.getColumnWidth(1) + help.getColumnWidth(2))
                    .isLessThanOrEqualTo(SheetLayout.printableWidth(false));
        }
    }
}
