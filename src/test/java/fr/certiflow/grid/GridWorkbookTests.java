package fr.certiflow.grid;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.referential.model.Referential;
import fr.certiflow.referential.model.ReferentialParser;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The evaluation grid as a juror opens it: structure, dropdowns, protection, print setup, text never a formula. */
class GridWorkbookTests {

    @Test
    void aGridHasABlockPerCriterionWithLockedStructureAndDropdowns() throws Exception {
        Referential seed;
        try (InputStream in = getClass().getResourceAsStream("/referentials/mmdc-v1.yaml")) {
            seed = new ReferentialParser().parse("mmdc-v1.yaml", in);
        }
        byte[] grid = GridWorkbook.write(seed, seed.component("A.2").orElseThrow(),
                new GridWorkbook.Header("Session (S1)", "=HYPERLINK(\"http://x\",\"Léa\") (n° 2027-001)", "+Juré", "@dates"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(grid))) {
            XSSFSheet sheet = workbook.getSheet(GridWorkbook.SHEET);
            assertThat(sheet.getProtect()).isTrue();
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo((short) 9);
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getDataValidations()).hasSize(4).allSatisfy(validation ->
                    assertThat(validation.getValidationConstraint().getExplicitListValues()).containsExactly("Acquis", "Non acquis"));
            var candidate = sheet.getRow(4).getCell(1);
            assertThat(candidate.getCellType()).isEqualTo(CellType.STRING);
            assertThat(candidate.getStringCellValue()).startsWith("=HYPERLINK");
            assertThat(sheet.getRow(5).getCell(1).getStringCellValue()).isEqualTo("+Juré");
            long criteria = 0;
            for (var row : sheet) {
                var first = row.getCell(0);
                if (first != null && first.getStringCellValue().startsWith("Critère ")) {
                    criteria++;
                }
                if (row.getCell(2) != null && row.getCell(0) != null && row.getCell(0).getStringCellValue().startsWith("Indicateur")) {
                    assertThat(row.getCell(2).getCellStyle().getLocked()).isFalse();
                    assertThat(row.getCell(1).getCellStyle().getLocked()).isTrue();
                }
            }
            assertThat(criteria).isEqualTo(4);
        }
    }

}
