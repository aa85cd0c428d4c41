package fr.certiflow.grid;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.referential.model.Referential;
import fr.certiflow.referential.model.ReferentialParser;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The evaluation grid as a juror opens it: structure, dropdowns, protection, print setup, text never a formula. */
@Tag("unit")
class GridWorkbookTests {

    @Test
    void aGridHasABlockPerCriterionWithLockedStructureAndDropdowns() throws Exception {
        Referential seed;
        try (InputStream in = getClass().getResourceAsStream("/referentials/mmdc-v1.yaml")) {
            seed = new ReferentialParser().parse("mmdc-v1.yaml", in);
        }
        byte[] grid = GridWorkbook.write(seed, fr.certiflow.regulation.Regulations.shipped().scale(), seed.component("A.2").orElseThrow(),
                new GridWorkbook.Header("Session (S1)", "=HYPERLINK(\"http://x\",\"Léa\") (n° 2027-001)", "+Juré", "@dates"),
                "token-1", 42L, "jure1");
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
            assertThat(workbook.isStructureLocked()).isTrue();
            assertThat(workbook.getSheetVisibility(1)).isEqualTo(org.apache.poi.ss.usermodel.SheetVisibility.VERY_HIDDEN);
            var identification = workbook.getSheet(GridWorkbook.IDENTIFICATION_SHEET);
            assertThat(identification.getProtect()).isTrue();
            assertThat(identification.getRow(0).getCell(1).getStringCellValue()).isEqualTo("token-1");
            assertThat(identification.getRow(6).getCell(1).getStringCellValue()).hasSize(64);
            assertThat(sheet.getRepeatingRows()).isNotNull();
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

    @Test
    void theRequiredContentsAreListedAtTheTopAboveTheFirstCriterion() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(grid("A.4")))) {
            XSSFSheet sheet = workbook.getSheet(GridWorkbook.SHEET);
            int top = GridWorkbook.HEADER_ROWS;
            assertThat(sheet.getRow(top).getCell(0).getStringCellValue())
                    .isEqualTo("Contenu exigé par le référentiel — la production comprend :");
            assertThat(sheet.getRow(top + 1).getCell(0).getStringCellValue()).isEqualTo("Élément 1");
            assertThat(sheet.getRow(top + 1).getCell(1).getStringCellValue())
                    .isEqualTo("la présentation de la méthode de conduite de projet");
            assertThat(sheet.getRow(top + 6).getCell(1).getStringCellValue()).isEqualTo("les outils de suivi et d'évaluation");
            assertThat(sheet.getRow(top + 1).getCell(1).getCellStyle().getLocked()).isTrue();
            // The first criterion starts after the block, where the reader looks for it.
            var first = GridWorkbook.layout(seed().component("A.4").orElseThrow()).get(0);
            int criterionRow = first.rating().getRow() - first.criterion().indicators().size() - 2;
            assertThat(criterionRow).isEqualTo(top + 8);
            assertThat(sheet.getRow(criterionRow).getCell(0).getStringCellValue()).startsWith("Critère 1 — ");
        }
        // A.2 lists no contents: the criteria start right under the header.
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(grid("A.2")))) {
            assertThat(workbook.getSheet(GridWorkbook.SHEET).getRow(GridWorkbook.HEADER_ROWS).getCell(0).getStringCellValue())
                    .startsWith("Critère 1 — ");
        }
    }

    static Referential seed() throws Exception {
        try (InputStream in = GridWorkbookTests.class.getResourceAsStream("/referentials/mmdc-v1.yaml")) {
            return new ReferentialParser().parse("mmdc-v1.yaml", in);
        }
    }

    static byte[] grid(String component) throws Exception {
        Referential seed = seed();
        return GridWorkbook.write(seed, fr.certiflow.regulation.Regulations.shipped().scale(), seed.component(component).orElseThrow(),
                new GridWorkbook.Header("Session de juin 2027 (S1)", "Léa Martin (n° 2027-001)", "Marie Dupont", "du 01/06/2027 au 30/06/2027"),
                "token-1", 42L, "jure1");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"A.1", "A.2", "A.3", "A.4", "A.5"})
    void everyRowIsTallEnoughForItsWrappedTextAndNotFarTaller(String component) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(grid(component)))) {
            XSSFSheet sheet = workbook.getSheet(GridWorkbook.SHEET);
            int checked = 0;
            for (var row : sheet) {
                var label = row.getCell(0);
                var text = row.getCell(1);
                if (label == null || text == null || text.getStringCellValue().isEmpty()
                        || !(label.getStringCellValue().startsWith("Indicateur") || label.getStringCellValue().startsWith("Compétences"))) {
                    continue;
                }
                var font = workbook.getFontAt(text.getCellStyle().getFontIndex());
                int lines = fr.certiflow.tabular.SheetLayout.lines(text.getStringCellValue(), font, sheet.getColumnWidth(1));
                double line = fr.certiflow.tabular.SheetLayout.lineHeight(font);
                assertThat(text.getCellStyle().getWrapText()).isTrue();
                assertThat((double) row.getHeightInPoints()).as("row %d: %s", row.getRowNum() + 1, text.getStringCellValue())
                        .isGreaterThanOrEqualTo(lines * line)
                        .isLessThan((lines + 1) * line);
                assertThat(lines).as("a line of 62 characters holds 55 characters of text")
                        .isLessThanOrEqualTo(text.getStringCellValue().length() / 55 + 1 + (int) text.getStringCellValue().chars().filter(c -> c == '\n').count());
                checked++;
            }
            assertThat(checked).isGreaterThan(4);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"A.1", "A.2", "A.3", "A.4", "A.5"})
    void theGridPrintsAtFullSizeWithEachCriterionWholeOnAPage(String component) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(grid(component)))) {
            XSSFSheet sheet = workbook.getSheet(GridWorkbook.SHEET);
            assertThat(sheet.getColumnWidth(0) + sheet.getColumnWidth(1) + sheet.getColumnWidth(2))
                    .isLessThanOrEqualTo(fr.certiflow.tabular.SheetLayout.printableWidth(false));
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getFooter().getCenter()).isEqualTo("Page &P / &N");
            for (int f = 0; f < workbook.getNumberOfFonts(); f++) {
                assertThat((int) workbook.getFontAt(f).getFontHeightInPoints()).isGreaterThanOrEqualTo(fr.certiflow.tabular.SheetLayout.MIN_PRINTED_POINTS);
            }
            // Simulate the pages: no criterion crosses a page end (breaks set where needed), with the layout's page and
            // with a page up to 6 % taller, as LibreOffice's is (its default rows are lower, its footer takes less):
            // the breaks must not rest on where the estimate ends a page by itself.
            for (double page : new double[] {fr.certiflow.tabular.SheetLayout.pageHeight(false),
                    fr.certiflow.tabular.SheetLayout.pageHeight(false) * 1.03, fr.certiflow.tabular.SheetLayout.pageHeight(false) * 1.06}) {
            double title = sheet.getRow(0).getHeightInPoints();
            java.util.Set<Integer> breaks = new java.util.HashSet<>();
            for (int b : sheet.getRowBreaks()) {
                breaks.add(b);
            }
            var blocks = GridWorkbook.layout(seed().component(component).orElseThrow());
            double used = 0;
            int blockIndex = 0;
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                double h = sheet.getRow(r) == null ? sheet.getDefaultRowHeightInPoints() : sheet.getRow(r).getHeightInPoints();
                if (used + h > page) {
                    used = title;
                    while (blockIndex < blocks.size() && blocks.get(blockIndex).comment().getRow() < r) {
                        blockIndex++;
                    }
                    if (blockIndex < blocks.size()) {
                        var block = blocks.get(blockIndex);
                        int first = block.rating().getRow() - block.criterion().indicators().size() - 2;
                        assertThat(r <= first || r > block.comment().getRow())
                                .as("row %d starts a page inside criterion %d (breaks %s, page %s)", r + 1, blockIndex + 1, breaks, page).isTrue();
                    }
                }
                used += h;
                if (breaks.contains(r)) {
                    used = title;
                }
            }
            }
            assertThat(sheet.getProtect()).isTrue();
            assertThat(sheet.getCTWorksheet().getSheetProtection().getFormatRows()).as("the juror may resize rows").isFalse();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"A.1", "A.2", "A.3", "A.4", "A.5"})
    void pageOneIsNotLeftHalfBlankACriterionIsCutThereOnlyBetweenIndicatorsAndWholeOnTheOtherPages(String component)
            throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(grid(component)))) {
            XSSFSheet sheet = workbook.getSheet(GridWorkbook.SHEET);
            var blocks = GridWorkbook.layout(seed().component(component).orElseThrow());
            double page = fr.certiflow.tabular.SheetLayout.pageHeight(false);
            double title = sheet.getRow(0).getHeightInPoints();
            java.util.List<Integer> breaks = new java.util.ArrayList<>();
            for (int b : sheet.getRowBreaks()) {
                breaks.add(b);
            }
            java.util.Collections.sort(breaks);
            for (int b : breaks) {
                for (var block : blocks) {
                    int first = block.rating().getRow() - block.criterion().indicators().size() - 2;
                    if (b >= first && b < block.comment().getRow()) {
                        assertThat(b).as("a cut inside a criterion (after row %d)", b + 1)
                                .isGreaterThanOrEqualTo(first + 1) // the title stays with the competences
                                .isLessThanOrEqualTo(block.comment().getRow() - 3); // the last indicator, rating and comment together
                        // The next page says which criterion goes on, above the indicator it starts with.
                        int number = blocks.indexOf(block) + 1;
                        int indicator = b + 1 - (first + 2);
                        assertThat(sheet.getRow(b + 1).getCell(1).getStringCellValue()).isEqualTo("Critère " + number + " — "
                                + block.criterion().title() + " (suite)\n" + block.criterion().indicators().get(indicator));
                        assertThat(sheet.getRow(b + 1).getCell(0).getStringCellValue()).isEqualTo("Indicateur " + (indicator + 1));
                    }
                }
            }
            long continued = java.util.stream.StreamSupport.stream(sheet.spliterator(), false)
                    .filter(row -> row.getCell(1) != null && row.getCell(1).getStringCellValue().contains(" (suite)\n")).count();
            assertThat(continued).as("a continuation only where a criterion is cut").isLessThanOrEqualTo(1);
            if ("A.3".equals(component) || "A.4".equals(component)) {
                assertThat(continued).as("A.3 and A.4 cut a criterion at the end of page 1").isEqualTo(1);
            }
            // The first page, under the header, is more than half full; the cut is there only.
            if (!breaks.isEmpty()) {
                double used = 0;
                for (int r = 0; r <= breaks.get(0); r++) {
                    used += sheet.getRow(r) == null ? sheet.getDefaultRowHeightInPoints() : sheet.getRow(r).getHeightInPoints();
                }
                assertThat(used).as("page 1 ends after row %d (breaks %s)", breaks.get(0) + 1, breaks).isGreaterThan(page / 2);
            }
            for (int b : breaks.subList(Math.min(1, breaks.size()), breaks.size())) {
                assertThat(blocks).as("a break after row %d, past page 1, is between two criteria", b + 1)
                        .anyMatch(block -> block.comment().getRow() + 1 == b || block.comment().getRow() + 2 == b);
            }
            if ("A.4".equals(component)) {
                int firstTitle = blocks.get(0).rating().getRow() - blocks.get(0).criterion().indicators().size() - 2;
                assertThat(breaks.get(0)).as("page 1 holds the start of criterion 1").isGreaterThan(firstTitle);
            }
        }
    }

    @Test
    void aVaeCandidatesGridGivesTheReglementsRouteInPlaceOfTheReferentialsProductionOnTheSameCriteria() throws Exception {
        Referential seed = seed();
        var scale = fr.certiflow.regulation.Regulations.shipped().scale();
        String route = "VAE — dossier de validation et entretien (Règlement de certification MMDC v1, révision 2)";
        byte[] vae = GridWorkbook.write(seed, scale, seed.component("A.2").orElseThrow(),
                new GridWorkbook.Header("Session (S1)", "Léa Martin (n° 2027-007, VAE)", "Juré", "Dates", route),
                "token-2", 43L, "jure1");
        byte[] formation = GridWorkbook.write(seed, scale, seed.component("A.2").orElseThrow(),
                new GridWorkbook.Header("Session (S1)", "n° 2027-001", "Juré", "Dates"), "token-3", 44L, "jure1");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(vae));
                XSSFWorkbook other = new XSSFWorkbook(new ByteArrayInputStream(formation))) {
            XSSFSheet sheet = workbook.getSheet(GridWorkbook.SHEET);
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Parcours");
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo(route);
            assertThat(other.getSheet(GridWorkbook.SHEET).getRow(3).getCell(0).getStringCellValue()).isEqualTo("Production");
            // The same criteria, in the same cells, as for a candidate issu de la formation.
            for (int r = 7; r <= sheet.getLastRowNum(); r++) {
                var cell = sheet.getRow(r) == null ? null : sheet.getRow(r).getCell(0);
                var same = other.getSheet(GridWorkbook.SHEET).getRow(r) == null ? null
                        : other.getSheet(GridWorkbook.SHEET).getRow(r).getCell(0);
                assertThat(String.valueOf(cell)).isEqualTo(String.valueOf(same));
            }
        }
    }

    @Test
    void aGroupsGridHasAProtectedSheetPerMemberListedInItsIdentificationAndAChecksumOverEverySheet() throws Exception {
        Referential seed = seed();
        var component = seed.component("A.1").orElseThrow();
        List<GridWorkbook.Section> sections = List.of(
                new GridWorkbook.Section("2027-001 Martin", 42L, new GridWorkbook.Header("S", "Léa Martin — groupe G1, membre 1 sur 2", "J", "D")),
                new GridWorkbook.Section("2027-002 Bernard", 43L, new GridWorkbook.Header("S", "Hugo Bernard — groupe G1, membre 2 sur 2", "J", "D")));
        byte[] grid = GridWorkbook.writeGroup(seed, fr.certiflow.regulation.Regulations.shipped().scale(), component, sections,
                "token-9", "jure1");
        GridReader reader = GridReader.open("grille.xlsx", grid, Long.MAX_VALUE);
        assertThat(reader.group()).isTrue();
        assertThat(reader.sections()).containsExactly(new GridWorkbook.SheetEntry("2027-001 Martin", 42L),
                new GridWorkbook.SheetEntry("2027-002 Bernard", 43L));
        assertThat(reader.identification().productionId()).isEqualTo(42L);
        assertThat(reader.structureIntact(component)).isTrue();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(grid))) {
            assertThat(workbook.getSheet(GridWorkbook.SHEET)).as("no individual sheet").isNull();
            for (int i = 0; i < 2; i++) {
                assertThat(workbook.getSheetAt(i).getProtect()).isTrue();
                assertThat(workbook.getSheetAt(i).getDataValidations()).hasSize(component.criteria().size());
            }
            assertThat(workbook.getSheetAt(1).getRow(4).getCell(1).getStringCellValue()).isEqualTo("Hugo Bernard — groupe G1, membre 2 sur 2");
            assertThat(workbook.getSheetVisibility(2)).isEqualTo(org.apache.poi.ss.usermodel.SheetVisibility.VERY_HIDDEN);
            // A change on the second member's sheet breaks the checksum, as one on the first does.
            workbook.getSheetAt(1).getRow(0).getCell(0).setCellValue("Grille modifiée");
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            workbook.write(out);
            assertThat(GridReader.open("grille.xlsx", out.toByteArray(), Long.MAX_VALUE).structureIntact(component)).isFalse();
        }
    }
}
