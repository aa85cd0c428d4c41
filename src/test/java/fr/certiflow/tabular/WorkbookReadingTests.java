package fr.certiflow.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.certiflow.campaign.ImportTemplates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks read with the event API give the table the whole-workbook reading gave (kept here as the reference:
 * XSSFWorkbook, DataFormatter(Locale.FRANCE), formulas as text, dates as yyyy-MM-dd), and hostile workbooks are
 * refused within bounded memory.
 */
@Tag("unit")
class WorkbookReadingTests {

    @TempDir
    Path folder;

    /** The lines as the reader hands them over (blank ones left out): "row: cell|cell|…". */
    List<String> streamed(byte[] workbook) throws Exception {
        Path file = Files.write(folder.resolve("w.xlsx"), workbook);
        List<String> lines = new ArrayList<>();
        XlsxLines.read("w.xlsx", file, line -> {
            if (!line.blank()) {
                lines.add(line.number() + ": " + String.join("|", line.cells()));
            }
        });
        return lines;
    }

    /** The reading before the event API, cell by cell on the loaded workbook. */
    static List<String> loaded(byte[] workbook) throws IOException {
        List<String> lines = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.FRANCE);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        cells.add(text(row.getCell(c), formatter));
                    }
                }
                if (!cells.stream().allMatch(String::isBlank)) {
                    lines.add((r + 1) + ": " + String.join("|", cells));
                }
            }
        }
        return lines;
    }

    static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return "=" + cell.getCellFormula();
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return formatter.formatCellValue(cell);
    }

    @Nested
    class SameTableAsTheLoadedWorkbook {

        @Test
        void theImportTemplates() throws Exception {
            for (byte[] template : List.of(ImportTemplates.cohort(), fr.certiflow.jury.JuryPoolTemplate.workbook())) {
                assertThat(streamed(template)).as("the headers only: the example is on the instructions sheet")
                        .isEqualTo(loaded(template)).hasSize(1);
            }
            assertThat(streamed(ImportTemplates.cohort()).get(0)).isEqualTo("1: N° candidat|Nom|Prénom|Courriel|Parcours|Groupe|"
                    + "Aménagement|Prolongation (jours)|Formateur ou tuteur|Employeur|Blocs acquis");
        }

        @Test
        void everyKindOfCellPoiWrites() throws Exception {
            byte[] workbook;
            try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                Sheet sheet = book.createSheet("Cohorte");
                book.createSheet("Autre");
                Row text = sheet.createRow(0);
                text.createCell(0).setCellValue("  espaces autour  ");
                text.createCell(1).setCellValue("retour\rchariot");
                XSSFRichTextString rich = new XSSFRichTextString("gras et normal");
                XSSFFont bold = book.createFont();
                bold.setBold(true);
                rich.applyFont(0, 4, bold);
                text.createCell(2).setCellValue(rich);
                text.createCell(25).setCellValue("colonne Z");
                Row numbers = sheet.createRow(2);
                double[] values = {12, 1234.5, 0.125, 1234567.891, 1e20, -3};
                String[] formats = {"General", "0.00", "0%", "#,##0.00", "0.00E+00", "00 00 00 00 00"};
                for (int i = 0; i < values.length; i++) {
                    CellStyle style = book.createCellStyle();
                    style.setDataFormat(book.createDataFormat().getFormat(formats[i]));
                    numbers.createCell(i).setCellValue(values[i]);
                    numbers.getCell(i).setCellStyle(style);
                }
                numbers.createCell(6).setCellValue(612345678);
                Row dates = sheet.createRow(3);
                String[] dateFormats = {"dd/mm/yyyy", "yyyy-mm-dd hh:mm", "d mmmm yyyy"};
                for (int i = 0; i < dateFormats.length; i++) {
                    CellStyle style = book.createCellStyle();
                    style.setDataFormat(book.createDataFormat().getFormat(dateFormats[i]));
                    dates.createCell(i).setCellValue(LocalDateTime.of(2025, 6, 30, 14, 45));
                    dates.getCell(i).setCellStyle(style);
                }
                CellStyle builtinDate = book.createCellStyle();
                builtinDate.setDataFormat((short) 14);
                dates.createCell(3).setCellValue(45838);
                dates.getCell(3).setCellStyle(builtinDate);
                Row others = sheet.createRow(4);
                others.createCell(0).setCellValue(true);
                others.createCell(1).setCellValue(false);
                others.createCell(2).setCellErrorValue(FormulaError.DIV0.getCode());
                others.createCell(3).setCellFormula("A3*2");
                others.createCell(4).setCellFormula("CONCATENATE(\"a\";\"b\")".replace(';', ','));
                others.createCell(5).setCellFormula("Autre!B2+1");
                others.createCell(6).setCellFormula("HYPERLINK(\"http://x\")");
                others.createCell(7).setCellStyle(builtinDate);
                sheet.createRow(6).createCell(3).setCellStyle(builtinDate);
                sheet.createRow(7).createCell(1).setCellValue("après deux lignes vides");
                book.write(out);
                workbook = out.toByteArray();
            }
            List<String> streamed = streamed(workbook);
            assertThat(streamed).isEqualTo(loaded(workbook));
            // What the reference reading gives, spelled out: a failure here says which behaviour changed.
            assertThat(streamed).containsExactly(
                    "1:   espaces autour  |retour\rchariot|gras et normal|||||||||||||||||||||||colonne Z",
                    "3: 12|1234,50|13%|1\u202f234\u202f567,89|1,00E+20|-0000000003    |612345678",
                    "4: 2025-06-30|2025-06-30|2025-06-30|2025-06-30",
                    "5: TRUE|FALSE|#DIV/0!|=A3*2|=CONCATENATE(\"a\",\"b\")|=Autre!B2+1|=HYPERLINK(\"http://x\")|",
                    "8: |après deux lignes vides");
        }

        @Test
        void sharedAndArrayFormulasInlineStringsAndA1904Workbook() throws Exception {
            byte[] workbook = new HandMadeWorkbook().date1904()
                    .styles("<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
                            + "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\" applyNumberFormat=\"1\"/></cellXfs>")
                    .sharedStrings(out -> out.write("<si><t>Nom</t></si><si><r><t>Mar</t></r><r><rPr><b/></rPr><t>tin</t></r>"
                            + "<rPh sb=\"0\" eb=\"1\"><t>phonétique</t></rPh></si><si><t>saut_x000A_de ligne</t></si>"))
                    .sheet("<sheetData>"
                            + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>"
                            + "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\"><f t=\"shared\" ref=\"B2:B4\" si=\"0\">A2*10+$A$2</f><v>11</v></c>"
                            + "<c r=\"C2\" s=\"1\"><v>44377</v></c><c r=\"D2\"><f t=\"array\" ref=\"D2:E3\">A2:B3*2</f><v>2</v></c><c r=\"E2\"><v>20</v></c></row>"
                            + "<row r=\"3\"><c r=\"A3\"><v>2</v></c><c r=\"B3\"><f t=\"shared\" si=\"0\"/><v>21</v></c>"
                            + "<c r=\"C3\" t=\"inlineStr\"><is><r><t>en </t></r><r><t>ligne</t></r></is></c><c r=\"D3\"><v>4</v></c><c r=\"E3\"><v>40</v></c></row>"
                            + "<row><c t=\"b\"><v>1</v></c><c><f t=\"shared\" si=\"0\"/><v>31</v></c><c t=\"e\"><v>#N/A</v></c></row>"
                            + "</sheetData>")
                    .bytes();
            List<String> streamed = streamed(workbook);
            assertThat(streamed).isEqualTo(loaded(workbook));
            assertThat(streamed).containsExactly(
                    "1: Nom|Martin|saut\nde ligne",
                    "2: 1|=A2*10+$A$2|2025-07-01|=A2:B3*2|=A2:B3*2",
                    "3: 2|=A3*10+$A$2|en ligne|=A2:B3*2|=A2:B3*2",
                    "4: TRUE|=A4*10+$A$2|#N/A");
        }
    }

    @Nested
    class HostileWorkbooks {

        Table read(byte[] workbook) {
            return TableReader.read("hostile.xlsx", new ByteArrayInputStream(workbook), TableReaderTests.HEADERS, TableReaderTests.REQUIRED);
        }

        String refusal(byte[] workbook) {
            try {
                read(workbook);
            } catch (ImportRefusedException e) {
                return e.problems().stream().map(ImportProblem::toString).reduce((a, b) -> a + " / " + b).orElseThrow();
            }
            throw new AssertionError("accepted");
        }

        /** Random letters: text that deflates no better than about half, far from POI's zip bomb ratio. */
        static String letters(int length) {
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append((char) ('a' + RANDOM.nextInt(26)));
            }
            return text.toString();
        }

        static final java.util.Random RANDOM = new java.util.Random(7);

        /** The header, then a row of that many inline text cells without reference, each of that many letters. */
        static byte[] secondRowOf(int cells, int length) {
            return new HandMadeWorkbook().sheet(out -> {
                out.write("<sheetData>" + header() + "<row r=\"2\">");
                for (int c = 0; c < cells; c++) {
                    out.write("<c t=\"inlineStr\"><is><t>" + letters(length) + "</t></is></c>");
                }
                out.write("</row></sheetData>");
            }).bytes();
        }

        static String header() {
            return "<row r=\"1\"><c t=\"inlineStr\"><is><t>N° candidat</t></is></c><c t=\"inlineStr\"><is><t>Nom</t></is></c></row>";
        }

        @Test
        void sharedStringsBeyondTheBudgetAreRefusedWhileRead() {
            // 2,000 strings of 10,000 characters: 20 million characters, twice the budget, in a file of about 1 MB
            byte[] workbook = new HandMadeWorkbook()
                    .sharedStrings(out -> {
                        for (int i = 0; i < 2_000; i++) {
                            out.write("<si><t>");
                            out.write(letters(500).repeat(20));
                            out.write("</t></si>");
                        }
                    })
                    .sheet("<sheetData>" + header() + "</sheetData>").bytes();
            assertThat(workbook.length).isLessThan(2_000_000);
            assertThat(refusal(workbook)).isEqualTo("hostile.xlsx : classeur refusé : ses textes partagés dépassent 10000000 caractères");
        }

        @Test
        void aHugeSharedStringIsKeptCutAndItsCellIsTooLong() {
            byte[] workbook = new HandMadeWorkbook()
                    .sharedStrings(out -> {
                        out.write("<si><t>");
                        for (int i = 0; i < 900; i++) {
                            out.write(letters(1_000));
                            out.write("<!-- a comment keeps the text's runs between two '<' short -->");
                        }
                        out.write("</t></si>");
                    })
                    .sheet("<sheetData>" + header() + "<row r=\"2\"><c t=\"inlineStr\"><is><t>1</t></is></c><c t=\"s\"><v>0</v></c></row></sheetData>")
                    .bytes();
            assertThat(refusal(workbook)).isEqualTo("hostile.xlsx, ligne 2, colonne « Nom » : texte de plus de 10000 caractères");
        }

        @Test
        void tooManyRowsStopTheReading() {
            byte[] workbook = new HandMadeWorkbook().sheet(out -> {
                out.write("<sheetData>" + header());
                for (int r = 2; r <= TableReader.MAX_ROWS + 2; r++) {
                    out.write("<row r=\"" + r + "\"><c t=\"inlineStr\"><is><t>" + r + "</t></is></c><c t=\"inlineStr\"><is><t>N</t></is></c></row>");
                }
                out.write("</sheetData>");
            }).bytes();
            assertThat(refusal(workbook)).isEqualTo("hostile.xlsx : plus de 20000 lignes");
        }

        @Test
        void aRowTooLongIsAProblemOfItsRow() {
            assertThat(refusal(secondRowOf(11, 9_999))).isEqualTo("hostile.xlsx, ligne 2 : ligne de plus de 100000 caractères");
        }

        @Test
        void aPartPoiReadsWholeMustBeSmall() {
            byte[] workbook = new HandMadeWorkbook().contentTypesPadding(WorkbookPackageCheck.MAX_WHOLE_PART).bytes();
            assertThat(refusal(workbook)).isEqualTo("hostile.xlsx : classeur refusé : la partie [Content_Types].xml dépasse 1 Mo une fois décompressée");
        }

        @Test
        void anAttributeOfMoreThanAMegabyteIsRefused() {
            byte[] workbook = new HandMadeWorkbook().sheet(out -> {
                out.write("<sheetData>" + header() + "<row r=\"2\" spans=\"");
                out.write(letters(XmlParts.MAX_MARKUP_RUN + 1));
                out.write("\"/></sheetData>");
            }).bytes();
            assertThat(refusal(workbook)).isEqualTo("hostile.xlsx : classeur refusé : la partie feuille 1 contient un texte ou un attribut de plus de 1 Mo");
        }

        @Test
        void partsWeParseMustBeUtf8SoThatTheirMarkupCanBeCountedInBytes() throws Exception {
            XmlParts.parse("w.xlsx", "feuille 1", xml("\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?><a b=\"é\"/>", StandardCharsets.UTF_8),
                    new org.xml.sax.helpers.DefaultHandler());
            for (var part : List.of(xml("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>", StandardCharsets.UTF_16),
                    xml("<?xml version=\"1.0\" encoding=\"IBM037\"?><a/>", StandardCharsets.ISO_8859_1),
                    xml("<?xml version=\"1.0\"" + " ".repeat(2000) + "encoding=\"IBM037\"?><a/>", StandardCharsets.ISO_8859_1))) {
                assertThatThrownBy(() -> XmlParts.parse("w.xlsx", "feuille 1", part, new org.xml.sax.helpers.DefaultHandler()))
                        .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.problems()).singleElement()
                                .hasToString("w.xlsx : classeur refusé : la partie feuille 1 n'est pas en UTF-8"));
            }
        }

        static java.io.InputStream xml(String text, java.nio.charset.Charset charset) {
            return new ByteArrayInputStream(text.getBytes(charset));
        }

        @Test
        void aZipBombIsRefusedWhateverTikasOoxmlParserDidToPoisLimits() throws Exception {
            // Tika's OOXML parser turns POI's ratio check off when its class is initialised
            Class.forName(PoiLimits.TIKA_OOXML_PARSER);
            byte[] bomb = new HandMadeWorkbook().sheet(out -> {
                out.write("<sheetData>" + header() + "<row r=\"2\" spans=\"1:2\">");
                for (int i = 0; i < 50_000; i++) {
                    out.write("<c><v>1</v></c>");
                }
                out.write("</row></sheetData>");
            }).bytes();
            assertThat(refusal(bomb)).isEqualTo("hostile.xlsx : classeur refusé : trop volumineux une fois décompressé "
                    + "(protection contre les bombes de décompression)");
        }

        @Test
        void aCellReferenceOutsideTheSheetIsRefused() {
            byte[] workbook = new HandMadeWorkbook().sheet("<sheetData>" + header() + "<row r=\"2\"><c r=\"ZZZZ2\"><v>1</v></c></row></sheetData>").bytes();
            assertThat(refusal(workbook)).isEqualTo("hostile.xlsx : classeur illisible (référence de cellule « ZZZZ2 »)");
        }

        @Test
        void cellsWithoutReferencePastTheLastColumnAreRefused() {
            assertThat(refusal(secondRowOf(16_385, 3))).isEqualTo("hostile.xlsx : classeur illisible (plus de 16384 cellules ligne 2)");
        }

        @Test
        void aWorkbookAcceptedGivesItsTable() {
            byte[] workbook = new HandMadeWorkbook().sheet("<sheetData>" + header()
                    + "<row r=\"3\"><c t=\"inlineStr\"><is><t>7</t></is></c><c t=\"inlineStr\"><is><t>Martin</t></is></c></row></sheetData>").bytes();
            Table table = read(workbook);
            assertThat(table.rows()).singleElement().satisfies(row -> {
                assertThat(row.number()).isEqualTo(3);
                assertThat(row.cells()).isEqualTo(Map.of("number", "7", "name", "Martin"));
            });
        }
    }
}
