package fr.certiflow.grid;

import fr.certiflow.referential.model.Competence;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Criterion;
import fr.certiflow.referential.model.Assessment;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.regulation.Regulation;
import fr.certiflow.tabular.SheetLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

/**
 * Writes a juror's evaluation grid: a header, then a block per criterion with its competences, its indicators each
 * with a tick cell, a rating cell (Acquis / Non acquis) and a comment cell. Only the answer cells are unlocked; the
 * structure is protected and its checksum, with the grid's identification, is kept in a very hidden sheet so that
 * an uploaded grid is matched and checked ({@link GridReader}). All text stays text: never a formula. A group's grid
 * has a sheet per member, each with this layout; its hidden sheet lists each member's sheet and production.
 */
public final class GridWorkbook {

    public static final String SHEET = "Grille";
    public static final String IDENTIFICATION_SHEET = "Identification";
    static final int HEADER_ROWS = 8;
    /** The identification sheet's label of a row naming a member's sheet and production (a group's grid). */
    static final String SECTION_LABEL = "Feuille";

    /** What the grid's header shows. */
    /**
     * @param route for a VAE candidate, the règlement's route the grid's « Production » line gives way to; null for
     *         the candidates issus de la formation, assessed on the référentiel's production
     */
    public record Header(String campaign, String candidate, String juror, String dates, String route) {

        public Header(String campaign, String candidate, String juror, String dates) {
            this(campaign, candidate, juror, dates, null);
        }
    }

    /** What the hidden sheet says of the grid. */
    public record Identification(String token, long productionId, String juror, String referentialCode,
            int referentialVersion, String componentCode, String checksum) {
    }

    /** Where a criterion's answers are. */
    public record CriterionCells(Criterion criterion, List<CellAddress> ticks, CellAddress rating, CellAddress comment) {
    }

    private GridWorkbook() {
    }

    /** The answer cells of a component's grid: the writer puts them there, the reader reads them there. */
    public static List<CriterionCells> layout(Component component) {
        List<CriterionCells> cells = new ArrayList<>();
        int row = HEADER_ROWS + requiredContentsRows(component);
        for (Criterion criterion : component.criteria()) {
            row += 2; // title, competences
            List<CellAddress> ticks = new ArrayList<>();
            for (int i = 0; i < criterion.indicators().size(); i++) {
                ticks.add(new CellAddress(row++, 2));
            }
            CellAddress rating = new CellAddress(row++, 2);
            CellAddress comment = new CellAddress(row++, 1);
            row++; // blank
            cells.add(new CriterionCells(criterion, List.copyOf(ticks), rating, comment));
        }
        return cells;
    }

    static Set<CellAddress> answerCells(Component component) {
        return layout(component).stream().flatMap(cells -> {
            List<CellAddress> all = new ArrayList<>(cells.ticks());
            all.add(cells.rating());
            all.add(cells.comment());
            all.add(new CellAddress(cells.comment().getRow(), 2));
            return all.stream();
        }).collect(Collectors.toSet());
    }

    /** A member's section of a group's grid: its own sheet, named after the member, with the member in its header. */
    public record Section(String sheetName, long productionId, Header header) {
    }

    /** Where a section of a group's grid is, as the identification sheet lists it. */
    public record SheetEntry(String sheetName, long productionId) {
    }

    /** An individual grid: one sheet, {@value #SHEET}. */
    public static byte[] write(Referential referential, Regulation.Scale scale, Component component, Header header,
            String token, long productionId, String juror) {
        return write(referential, scale, component, List.of(new Section(SHEET, productionId, header)), token, juror, false);
    }

    /**
     * A group's grid for one juror: a sheet per member (the individual grid's layout, the member in its header), the
     * identification sheet listing each sheet's production. The checksum covers every member's sheet.
     */
    public static byte[] writeGroup(Referential referential, Regulation.Scale scale, Component component,
            List<Section> sections, String token, String juror) {
        return write(referential, scale, component, sections, token, juror, true);
    }

    private static byte[] write(Referential referential, Regulation.Scale scale, Component component,
            List<Section> sections, String token, String juror, boolean group) {
        try (XSSFWorkbook workbook = new SheetLayout.MemoryWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            String secret = UUID.randomUUID().toString();
            List<Sheet> sheets = new ArrayList<>();
            for (Section section : sections) {
                XSSFSheet sheet = workbook.createSheet(section.sheetName());
                writeSheet(sheet, styles, referential, scale, component, section.header(), secret);
                sheets.add(sheet);
            }
            long productionId = sections.get(0).productionId();
            Identification identification = new Identification(token, productionId, juror, referential.code(),
                    referential.version(), component.code(), group ? checksum(sheets, component) : checksum(sheets.get(0), component));
            XSSFSheet hidden = workbook.createSheet(IDENTIFICATION_SHEET);
            String[][] values = {{"Grille", identification.token()}, {"Production", String.valueOf(productionId)},
                    {"Juré", juror}, {"Référentiel", referential.code()}, {"Version", String.valueOf(referential.version())},
                    {"Composante", component.code()}, {"Empreinte", identification.checksum()}};
            for (int i = 0; i < values.length; i++) {
                Row line = hidden.createRow(i);
                line.createCell(0).setCellValue(values[i][0]);
                line.createCell(1).setCellValue(values[i][1]);
            }
            if (group) {
                for (int i = 0; i < sections.size(); i++) {
                    Row line = hidden.createRow(values.length + i);
                    line.createCell(0).setCellValue(SECTION_LABEL);
                    line.createCell(1).setCellValue(sections.get(i).sheetName());
                    line.createCell(2).setCellValue(String.valueOf(sections.get(i).productionId()));
                }
            }
            hidden.protectSheet(secret);
            workbook.setSheetVisibility(sections.size(), SheetVisibility.VERY_HIDDEN);
            workbook.lockStructure();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the evaluation grid", e);
        }
    }

    /** One member's sheet (or the individual grid's only sheet): header, required contents, a block per criterion. */
    private static void writeSheet(XSSFSheet sheet, Styles styles, Referential referential, Regulation.Scale scale,
            Component component, Header header, String secret) {
        String[] ratings = scale.levels().stream().map(Regulation.Level::label).toArray(String[]::new);
        // Portrait A4 at 100 %: the three columns fill the printable width (SheetLayout.printableWidth).
        sheet.setColumnWidth(0, 22 * 256);
        sheet.setColumnWidth(1, 62 * 256);
        sheet.setColumnWidth(2, 14 * 256);
        // One measurer for the sheet: styles and column widths read once (see SheetLayout.Rows).
        SheetLayout.Rows heights = new SheetLayout.Rows(sheet);
        cell(sheet.createRow(0), 0, styles.title, "Grille d'évaluation — " + referential.title());
        Assessment production = component.assessment();
        pair(sheet, 1, styles, "Session", header.campaign());
        pair(sheet, 2, styles, "Composante", component.code() + " " + component.title());
        if (header.route() != null) {
            pair(sheet, 3, styles, "Parcours", header.route());
        } else {
            pair(sheet, 3, styles, "Production", production.name() + " — "
                    + (production.collective() ? "travail collectif" : "travail individuel") + ", "
                    + (production.hasOral() ? (production.formats().size() > 1 ? "production écrite et orale" : "production orale")
                    : "production écrite"));
        }
        pair(sheet, 4, styles, "Candidat", header.candidate());
        pair(sheet, 5, styles, "Juré", header.juror());
        pair(sheet, 6, styles, "Dates", header.dates());
        Row instructions = sheet.createRow(7);
        cell(instructions, 0, styles.hint, "Cochez les indicateurs observés (x), choisissez l'appréciation de chaque "
                + "critère et commentez ; le commentaire est obligatoire pour un critère non acquis.");
        // The grid's merged regions never overlap: POI's check against every earlier region is not needed.
        sheet.addMergedRegionUnsafe(new CellRangeAddress(7, 7, 0, 2));
        heights.fit(instructions, 0, 0, 2);
        writeRequiredContents(sheet, heights, styles, component);
        Map<String, Competence> competences = component.competences().stream()
                .collect(Collectors.toMap(Competence::code, Function.identity()));
        DataValidationHelper validations = sheet.getDataValidationHelper();
        int number = 1;
        for (CriterionCells cells : layout(component)) {
            Criterion criterion = cells.criterion();
            int row = cells.rating().getRow() - criterion.indicators().size() - 2;
            Row titleRow = sheet.createRow(row);
            cell(titleRow, 0, styles.criterion, "Critère " + number++ + " — " + criterion.title());
            cell(titleRow, 1, styles.criterion, "");
            cell(titleRow, 2, styles.criterion, "");
            sheet.addMergedRegionUnsafe(new CellRangeAddress(row, row, 0, 2));
            heights.fit(titleRow, 0, 0, 2);
            String linked = criterion.competences().stream()
                    .map(code -> code + " " + (competences.containsKey(code) ? competences.get(code).text() : ""))
                    .collect(Collectors.joining("\n"));
            Row competenceRow = sheet.createRow(row + 1);
            cell(competenceRow, 0, styles.label, "Compétences évaluées");
            cell(competenceRow, 1, styles.wrapped, linked);
            heights.fit(competenceRow);
            for (int i = 0; i < criterion.indicators().size(); i++) {
                Row indicator = sheet.createRow(cells.ticks().get(i).getRow());
                cell(indicator, 0, styles.label, "Indicateur " + (i + 1));
                cell(indicator, 1, styles.wrapped, criterion.indicators().get(i));
                cell(indicator, 2, styles.answer, "");
                heights.fit(indicator);
            }
            Row rating = sheet.createRow(cells.rating().getRow());
            cell(rating, 0, styles.label, "Appréciation");
            cell(rating, 1, styles.hint, scale.choices() + " (liste déroulante)");
            cell(rating, 2, styles.answer, "");
            heights.fit(rating);
            DataValidation dropdown = validations.createValidation(validations.createExplicitListConstraint(ratings),
                    new CellRangeAddressList(cells.rating().getRow(), cells.rating().getRow(), 2, 2));
            dropdown.setShowErrorBox(true);
            dropdown.createErrorBox("Appréciation", "Choisissez " + scale.choices() + ".");
            sheet.addValidationData(dropdown);
            Row comment = sheet.createRow(cells.comment().getRow());
            cell(comment, 0, styles.label, "Commentaire (obligatoire si le critère n'est pas acquis)");
            cell(comment, 1, styles.answerWrapped, "");
            cell(comment, 2, styles.answerWrapped, "");
            sheet.addMergedRegionUnsafe(new CellRangeAddress(cells.comment().getRow(), cells.comment().getRow(), 1, 2));
            heights.fit(comment);
            comment.setHeightInPoints(Math.max(45, comment.getHeightInPoints()));
        }
        for (int r = 1; r < HEADER_ROWS - 1; r++) {
            heights.fit(sheet.getRow(r));
        }
        SheetLayout.printSetup(sheet, false, 0, 0);
        List<CriterionCells> criteria = layout(component);
        // A criterion cut at the end of the first page goes on under its title, « (suite) », on the next: the cut row
        // is one of its indicators (SheetLayout.keepTogether keeps the title and the competences on the first page).
        SheetLayout.keepTogether(sheet, criteria.stream()
                .map(cells -> new int[] {cells.rating().getRow() - cells.criterion().indicators().size() - 2, cells.comment().getRow()})
                .toList(), false, (block, row) -> {
                    Cell indicator = sheet.getRow(row).getCell(1);
                    String title = "Critère " + (block + 1) + " — " + criteria.get(block).criterion().title() + " (suite)";
                    org.apache.poi.xssf.usermodel.XSSFRichTextString text =
                            new org.apache.poi.xssf.usermodel.XSSFRichTextString(title + "\n" + indicator.getStringCellValue());
                    text.applyFont(0, title.length(), styles.boldFont);
                    indicator.setCellValue(text);
                    heights.fit(sheet.getRow(row));
                });
        // Locked with a password nobody keeps: only the answer cells can change, and the juror may still resize
        // rows and columns (a long comment).
        sheet.protectSheet(secret);
        sheet.enableLocking();
        sheet.lockFormatRows(false);
        sheet.lockFormatColumns(false);
    }

    /** A group's grid: each member's sheet checksum, under the sheet's name, hashed together. */
    static String checksum(List<Sheet> sheets, Component component) {
        StringBuilder all = new StringBuilder();
        for (Sheet sheet : sheets) {
            all.append(sheet.getSheetName()).append('=').append(checksum(sheet, component)).append('\n');
        }
        return sha256(all.toString());
    }

    /** SHA-256 of every non-answer cell's address and text: any change to the grid's structure changes it. */
    static String checksum(Sheet sheet, Component component) {
        Set<Long> answers = new HashSet<>();
        answerCells(component).forEach(address -> answers.add(key(address.getRow(), address.getColumn())));
        StringBuilder structure = new StringBuilder(16_384);
        // A shared string met again (the labels, the blank cells) is read once.
        Map<String, String> shared = new HashMap<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (answers.contains(key(row.getRowNum(), cell.getColumnIndex()))) {
                    continue;
                }
                String text = text(cell, shared);
                if (!text.isEmpty()) {
                    structure.append(CellReference.convertNumToColString(cell.getColumnIndex())).append(row.getRowNum() + 1)
                            .append('=').append(text).append('\n');
                }
            }
        }
        return sha256(structure.toString());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long key(int row, int column) {
        return ((long) row << 20) | column;
    }

    /**
     * The cell's text as the checksum reads it: a text cell's string, "" for a blank, else POI's rendering. A shared
     * string is read from the cell's XML bean and the workbook's table, through {@code shared} (by its index).
     */
    private static String text(Cell cell, Map<String, String> shared) {
        if (cell instanceof XSSFCell xssf) {
            CTCell bean = xssf.getCTCell();
            if (bean.getT() == STCellType.S && !bean.isSetF()) {
                String index = bean.getV();
                if (index != null) {
                    String text = shared.get(index);
                    if (text == null) {
                        text = SheetLayout.text(cell);
                        shared.put(index, text);
                    }
                    return text;
                }
            }
        }
        String text = SheetLayout.text(cell);
        if (text != null) {
            return text;
        }
        return cell.getCellType() == CellType.STRING ? cell.getStringCellValue()
                : cell.getCellType() == CellType.BLANK ? "" : cell.toString();
    }

    /**
     * Rows of the block that lists what the production must contain (the référentiel's « comprenant : … »): a title,
     * one row per item and a blank row; none when the référentiel lists nothing.
     */
    static int requiredContentsRows(Component component) {
        int items = component.assessment().contents().size();
        return items == 0 ? 0 : items + 2;
    }

    /** The required contents, under the header and above the first criterion: the list checked at admissibility. */
    private static void writeRequiredContents(XSSFSheet sheet, SheetLayout.Rows heights, Styles styles,
            Component component) {
        List<String> items = component.assessment().contents();
        if (items.isEmpty()) {
            return;
        }
        Row title = sheet.createRow(HEADER_ROWS);
        cell(title, 0, styles.criterion, "Contenu exigé par le référentiel — la production comprend :");
        cell(title, 1, styles.criterion, "");
        cell(title, 2, styles.criterion, "");
        sheet.addMergedRegionUnsafe(new CellRangeAddress(HEADER_ROWS, HEADER_ROWS, 0, 2));
        heights.fit(title, 0, 0, 2);
        for (int i = 0; i < items.size(); i++) {
            int row = HEADER_ROWS + 1 + i;
            Row item = sheet.createRow(row);
            cell(item, 0, styles.label, "Élément " + (i + 1));
            cell(item, 1, styles.wrapped, items.get(i));
            sheet.addMergedRegionUnsafe(new CellRangeAddress(row, row, 1, 2));
            heights.fit(item, 1, 1, 2);
        }
    }

    private static void pair(XSSFSheet sheet, int row, Styles styles, String label, String value) {
        Row line = sheet.createRow(row);
        cell(line, 0, styles.label, label);
        cell(line, 1, styles.value, value);
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
        final Font boldFont;

        Styles(XSSFWorkbook workbook) {
            SheetLayout.useArial(workbook);
            Font bold = SheetLayout.font(workbook, true, false, SheetLayout.TEXT_POINTS);
            boldFont = bold;
            Font big = SheetLayout.font(workbook, true, false, 14);
            Font italic = SheetLayout.font(workbook, false, true, SheetLayout.TEXT_POINTS);
            title = locked(workbook);
            title.setFont(big);
            label = locked(workbook);
            label.setFont(bold);
            label.setVerticalAlignment(VerticalAlignment.TOP);
            label.setWrapText(true);
            value = locked(workbook);
            value.setWrapText(true);
            value.setVerticalAlignment(VerticalAlignment.TOP);
            wrapped = locked(workbook);
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            criterion = locked(workbook);
            criterion.setFont(bold);
            criterion.setWrapText(true);
            criterion.setVerticalAlignment(VerticalAlignment.TOP);
            criterion.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            criterion.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            hint = locked(workbook);
            hint.setFont(italic);
            hint.setWrapText(true);
            hint.setVerticalAlignment(VerticalAlignment.TOP);
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
