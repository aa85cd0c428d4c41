package fr.certiflow.tabular;

import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.text.AttributedString;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

/**
 * The layout every Certiflow workbook shares: print setup (A4, one page wide, title rows repeated, « Page n / N ») and
 * row heights computed from the text, its font and the column width, so that wrapped text never overflows its row
 * and a row is never much taller than its text.
 *
 * <p>Every font of a Certiflow workbook is Arial ({@link #font}, {@link #useArial}): Excel has it and LibreOffice prints
 * it as Liberation Sans, whose widths are Arial's; a missing Calibri, by contrast, is replaced by whatever font the
 * machine has, and the text no longer fits the heights computed for it. Widths are measured with the AWT metrics of
 * Liberation Sans (headless AWT is enough), with a margin, so a row is at worst a little tall, never short.
 */
public final class SheetLayout {

    /** No text printed under this size (points), after the fit-to-width scaling. */
    public static final int MIN_PRINTED_POINTS = 8;
    /** Height of one line of text as a share of the font size (Calc and Excel use about 1.2–1.3). */
    static final double LINE_SPACING = 1.2;
    /** Space above and below the lines of a cell, in points. */
    static final double ROW_PADDING = 3;
    /** Pixels of one character of column width (Calibri 11's widest digit) and of a cell's inner margins. */
    static final double PIXELS_PER_CHARACTER = 7;
    static final double CELL_MARGIN_PIXELS = 8;

    private static final FontRenderContext RENDERING = new FontRenderContext(null, true, true);
    private static final Map<Integer, java.awt.Font> FONTS = new java.util.concurrent.ConcurrentHashMap<>();

    private SheetLayout() {
    }

    /**
     * A4, one page wide (as many pages high as needed), rows {@code firstTitleRow}..{@code lastTitleRow} repeated on
     * every page (none when negative), « Page n / N » centred in the footer, narrow margins.
     */
    public static void printSetup(Sheet sheet, boolean landscape, int firstTitleRow, int lastTitleRow) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(landscape);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setMargin(Sheet.LeftMargin, 0.5);
        sheet.setMargin(Sheet.RightMargin, 0.5);
        sheet.setMargin(Sheet.TopMargin, 0.6);
        sheet.setMargin(Sheet.BottomMargin, 0.7);
        sheet.setMargin(Sheet.FooterMargin, 0.3);
        if (firstTitleRow >= 0) {
            sheet.setRepeatingRows(new CellRangeAddress(firstTitleRow, lastTitleRow, -1, -1));
        }
        sheet.getFooter().setCenter("Page &P / &N");
    }

    /**
     * A workbook made in memory whose {@code close()} lets go of it without saving it: POI's own close of a new
     * workbook writes the whole package a second time, into a buffer nobody reads (a tenth of a grid's cost). Write
     * it with {@code write(out)} as any workbook; it holds no file, so there is nothing else to release.
     */
    public static final class MemoryWorkbook extends org.apache.poi.xssf.usermodel.XSSFWorkbook {

        @Override
        public void close() {
            getPackage().revert();
        }
    }

    /**
     * The column width (column units, as {@link Sheet#setColumnWidth}) that holds {@code text} on one line in
     * {@code font}: measured as {@link #lines} measures, so that a cell of that width is one line high.
     */
    public static int widthFor(String text, Font font) {
        double points = oneLineWidth(text, awt(font));
        return (int) Math.ceil((points / 0.75 + CELL_MARGIN_PIXELS) / PIXELS_PER_CHARACTER * 256) + 64;
    }

    /**
     * The width of the printable area of an A4 page in the spreadsheet's column units (1/256 of a character), with
     * the margins of {@link #printSetup}: columns summing to at most this print at 100 %, hence at their font size.
     */
    public static int printableWidth(boolean landscape) {
        double inches = (landscape ? 11.69 : 8.27) - 1.0;
        double pixels = inches * 96;
        return (int) (pixels / PIXELS_PER_CHARACTER * 256);
    }

    /**
     * The height in points that rows fill on one printed A4 page at 100 %, with the margins of {@link #printSetup},
     * less an allowance for the footer: a little less than the real page, so that a block kept on a page by
     * {@link #keepTogether} is never cut by the spreadsheet's own page end.
     */
    public static double pageHeight(boolean landscape) {
        return ((landscape ? 8.27 : 11.69) - 0.6 - 0.7 - 0.4) * 72;
    }

    /** The scale at which the columns {@code 0..lastColumn} print, one page wide: 1 when they fit the page. */
    public static double printScale(Sheet sheet, int lastColumn, boolean landscape) {
        long width = 0;
        for (int c = 0; c <= lastColumn; c++) {
            width += sheet.getColumnWidth(c);
        }
        return Math.min(1, (double) printableWidth(landscape) / width);
    }

    /**
     * The text with a zero-width space after each « / », where a narrow column may then break a long word such as
     * « clients/utilisateurs » (the spreadsheet would otherwise cut it anywhere).
     */
    public static String breakable(String text) {
        return text.replace("/", "/\u200B");
    }

    /** A style whose cells are text (format « @ »): what is typed there is kept as typed, 00123 stays 00123. */
    public static CellStyle textFormat(Workbook workbook, CellStyle base) {
        CellStyle style = workbook.createCellStyle();
        if (base != null) {
            style.cloneStyleFrom(base);
        }
        DataFormat format = workbook.createDataFormat();
        style.setDataFormat(format.getFormat("@"));
        return style;
    }

    /** Sets the row's height to fit the text of its cells (the tallest one), each in its column's width. */
    public static void fitHeight(Row row) {
        new Rows(row.getSheet()).fit(row);
    }

    /**
     * Fits the heights of many rows of a sheet: each style's font and wrapping, and each column's width, are read
     * once (POI reads them from XML each time; for the 150,000 cells of a 10,000-candidate PV that was most of the cost).
     */
    public static final class Rows {

        private final Sheet sheet;
        /** Per style: its measuring font, its line height, whether it wraps. */
        private final Map<Integer, Object[]> styles = new HashMap<>();
        private final Map<Integer, Integer> widths = new HashMap<>();
        private double defaultHeight = -1;

        public Rows(Sheet sheet) {
            this.sheet = sheet;
        }

        public void fit(Row row) {
            double height = 0;
            for (Cell cell : row) {
                double cellHeight = measure(cell, -1);
                height = Math.max(height, cellHeight);
            }
            if (height > 0) {
                row.setHeightInPoints((float) Math.max(height, defaultHeight()));
            }
        }

        /**
         * Sets the row's height to fit one cell spanning columns {@code first}..{@code last} (a merged region), unless
         * the row is already taller.
         */
        public void fit(Row row, int column, int first, int last) {
            Cell cell = row.getCell(column);
            if (cell == null) {
                return;
            }
            int width = 0;
            for (int i = first; i <= last; i++) {
                width += width(i);
            }
            double height = measure(cell, width);
            if (height > 0 && height > row.getHeightInPoints()) {
                row.setHeightInPoints((float) height);
            }
        }

        /** The height of the cell's text in {@code width} (column units; its column's when negative); 0 when no text. */
        private double measure(Cell cell, int width) {
            String text = text(cell);
            if (text == null || text.isEmpty()) {
                return 0;
            }
            int index = styleIndex(cell);
            Object[] measures = styles.computeIfAbsent(index, i -> {
                CellStyle style = sheet.getWorkbook().getCellStyleAt(i);
                Font font = sheet.getWorkbook().getFontAt(style.getFontIndex());
                return new Object[] {awt(font), lineHeight(font), style.getWrapText()};
            });
            int lines = (Boolean) measures[2] ? lines(text, (java.awt.Font) measures[0], width < 0 ? width(cell.getColumnIndex()) : width) : 1;
            return (Double) measures[1] * lines + ROW_PADDING;
        }

        private int width(int column) {
            return widths.computeIfAbsent(column, sheet::getColumnWidth);
        }

        private double defaultHeight() {
            if (defaultHeight < 0) {
                defaultHeight = sheet.getDefaultRowHeightInPoints();
            }
            return defaultHeight;
        }
    }

    /**
     * The cell's text when it is a text cell, else null. An XSSF cell is read from its XML bean at once: a shared
     * string straight from the workbook's table, without the type checks POI repeats on each call (most of the cost of
     * fitting a grid's rows).
     */
    public static String text(Cell cell) {
        if (cell instanceof XSSFCell xssf) {
            CTCell bean = xssf.getCTCell();
            if (bean.isSetF()) {
                return null;
            }
            STCellType.Enum type = bean.getT();
            if (type == STCellType.S && bean.isSetV() && xssf.getSheet().getWorkbook().getSharedStringSource() != null) {
                return xssf.getSheet().getWorkbook().getSharedStringSource().getItemAt(Integer.parseInt(bean.getV())).getString();
            }
            if (type == STCellType.S || type == STCellType.INLINE_STR) {
                return xssf.getStringCellValue();
            }
            return null;
        }
        return cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : null;
    }

    private static int styleIndex(Cell cell) {
        if (cell instanceof XSSFCell xssf) {
            CTCell bean = xssf.getCTCell();
            return bean.isSetS() ? (int) bean.getS() : 0;
        }
        return cell.getCellStyle().getIndex();
    }

    /**
     * Sets the row's height to fit one cell spanning columns {@code first}..{@code last} (a merged region), unless the
     * row is already taller. For many rows of a sheet, {@link Rows} reads the styles and widths once.
     */
    public static void fitHeight(Row row, int column, int first, int last) {
        new Rows(row.getSheet()).fit(row, column, first, last);
    }

    public static double lineHeight(Font font) {
        return font.getFontHeightInPoints() * LINE_SPACING;
    }

    /** How many lines {@code text} takes in a column {@code width} wide (column units), at the font's size. */
    public static int lines(String text, Font font, int width) {
        return lines(text, awt(font), width);
    }

    private static int lines(String text, java.awt.Font awt, int width) {
        double usable = Math.max(1, width / 256.0 * PIXELS_PER_CHARACTER - CELL_MARGIN_PIXELS) * 0.75;
        if (text.indexOf('\n') < 0 && oneLineWidth(text, awt) <= usable) {
            return 1; // the whole text fits: no need to break it (most cells, measured cheaply)
        }
        if (text.length() > CACHED_CHARACTERS) {
            return breakLines(text, awt, usable);
        }
        // The same texts come back (decisions, indicators of every grid of a composante): measured once.
        String key = awt.getStyle() + ":" + awt.getSize() + ":" + width + ":" + text;
        Integer known = MEASURED.get(key);
        if (known == null) {
            known = breakLines(text, awt, usable);
            if (MEASURED.size() >= CACHE_SIZE) {
                MEASURED.clear();
            }
            MEASURED.put(key, known);
        }
        return known;
    }

    private static final int CACHED_CHARACTERS = 2000;
    private static final int CACHE_SIZE = 20_000;
    private static final Map<String, Integer> MEASURED = new java.util.concurrent.ConcurrentHashMap<>();

    private static int breakLines(String text, java.awt.Font awt, double usable) {
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            if (paragraph.isBlank()) {
                lines++;
                continue;
            }
            AttributedString attributed = new AttributedString(paragraph);
            attributed.addAttribute(TextAttribute.FONT, awt);
            LineBreakMeasurer measurer = new LineBreakMeasurer(attributed.getIterator(), RENDERING);
            while (measurer.getPosition() < paragraph.length()) {
                measurer.nextLayout((float) usable);
                lines++;
            }
        }
        return Math.max(1, lines);
    }

    /**
     * Keeps each block of rows (first, last: inclusive) on one page: when a block would cross the bottom of a page,
     * a page break is set before it. Heights are the rows' own (call after {@link #fitHeight}); the page is A4 with
     * the margins of {@link #printSetup}, its repeated title rows counted, printed at 100 % (the columns must fit the
     * width, see {@link #printableWidth}). A block taller than a page starts a page and runs on.
     *
     * <p>The first page, under the document's header, is not left more than half blank to keep a block whole: such
     * a block (a long criterion under the grid's header and required contents) is cut where the page ends, between two
     * of its rows, its first two rows (a title and what it introduces) always on the page and its last three on the
     * next (the last indicator with the rating and the comment), so that no title is left alone at the bottom of a
     * page. On the following pages blocks are kept whole.
     */
    public static void keepTogether(Sheet sheet, java.util.List<int[]> blocks, boolean landscape) {
        keepTogether(sheet, blocks, landscape, (block, row) -> { });
    }

    /** Told where a block cut by {@link #keepTogether} goes on, on the next page. */
    @FunctionalInterface
    public interface Continuation {
        /**
         * The block of index {@code block} goes on at {@code row}, the first row of a page: the place to say what it
         * continues (its height may change: it is read again after).
         */
        void at(int block, int row);
    }

    /**
     * {@link #keepTogether(Sheet, java.util.List, boolean)}, telling {@code continuation} where the block cut on the
     * first page goes on, so that the next page can say what it continues.
     */
    public static void keepTogether(Sheet sheet, java.util.List<int[]> blocks, boolean landscape, Continuation continuation) {
        double page = pageHeight(landscape);
        CellRangeAddress titles = sheet.getRepeatingRows();
        double titleHeight = 0;
        if (titles != null) {
            for (int r = titles.getFirstRow(); r <= titles.getLastRow(); r++) {
                titleHeight += height(sheet, r);
            }
        }
        double used = 0;
        int next = 0;
        boolean firstPage = true;
        for (int index = 0; index < blocks.size(); index++) {
            int[] block = blocks.get(index);
            double gap = 0;
            for (; next < block[0]; next++) {
                gap += height(sheet, next);
            }
            double size = 0;
            for (int r = block[0]; r <= block[1]; r++) {
                size += height(sheet, r);
            }
            // The break is set whenever the block does not fit what is left of the page, even when the rows before it
            // would end the page by themselves: the spreadsheet's page holds a little more than this estimate, and
            // would then print the block's first rows at the bottom of the page and the rest on the next.
            if (used + gap + size > page && used + gap > titleHeight && block[0] > 0) {
                int cut = firstPage && page - (used + gap) > page / 2 ? cut(sheet, block, page - used - gap) : -1;
                firstPage = false;
                if (cut > 0) {
                    sheet.setRowBreak(cut - 1);
                    continuation.at(index, cut);
                    used = titleHeight;
                    for (int r = cut; r <= block[1]; r++) {
                        used += height(sheet, r);
                    }
                } else {
                    sheet.setRowBreak(block[0] - 1);
                    used = titleHeight + size;
                }
            } else {
                used += gap + size;
            }
            while (used > page) { // a block taller than a page runs on
                used = titleHeight + (used - page);
            }
            next = block[1] + 1;
        }
    }

    /**
     * The row at which a block is cut to fill the {@code room} left on a page: the last one whose rows before it fit,
     * at least two rows after the block's first and three before its last; -1 when none fits.
     */
    private static int cut(Sheet sheet, int[] block, double room) {
        double filled = height(sheet, block[0]) + height(sheet, block[0] + 1);
        int cut = -1;
        for (int r = block[0] + 2; r <= block[1] - 2 && filled <= room; r++) {
            cut = r;
            filled += height(sheet, r);
        }
        return cut;
    }

    private static double height(Sheet sheet, int row) {
        Row line = sheet.getRow(row);
        return line == null ? sheet.getDefaultRowHeightInPoints() : line.getHeightInPoints();
    }

    /** The font of every Certiflow workbook's cells (see the class comment). */
    public static final String FONT = "Arial";
    /** Size of ordinary text, in points. */
    public static final short TEXT_POINTS = 10;

    /** Makes the workbook's default font (that of every cell without its own) Arial at {@link #TEXT_POINTS}. */
    public static void useArial(Workbook workbook) {
        Font standard = workbook.getFontAt(0);
        standard.setFontName(FONT);
        standard.setFontHeightInPoints(TEXT_POINTS);
    }

    /** An Arial font of the workbook. */
    public static Font font(Workbook workbook, boolean bold, boolean italic, int points) {
        Font font = workbook.createFont();
        font.setFontName(FONT);
        font.setBold(bold);
        font.setItalic(italic);
        font.setFontHeightInPoints((short) points);
        return font;
    }

    private static final Map<java.awt.Font, float[]> ADVANCES = new java.util.concurrent.ConcurrentHashMap<>();
    /** Characters whose advance is kept in a table: Latin letters with their accents, punctuation. */
    private static final int TABLE = 0x250;

    /** The width of the text on one line, in points: the sum of its characters' advances (no kerning, as AWT by default). */
    static double oneLineWidth(String text, java.awt.Font awt) {
        float[] advances = ADVANCES.computeIfAbsent(awt, f -> {
            float[] table = new float[TABLE];
            for (char c = 0; c < TABLE; c++) {
                table[c] = (float) f.getStringBounds(String.valueOf(c), RENDERING).getWidth();
            }
            return table;
        });
        double width = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            width += c < TABLE ? advances[c] : awt.getStringBounds(String.valueOf(c), RENDERING).getWidth();
        }
        return width;
    }

    /** The AWT font measuring a cell's text: Liberation Sans (wider than Calibri/Carlito), bold or not, at its size. */
    private static java.awt.Font awt(Font font) {
        int style = (font.getBold() ? java.awt.Font.BOLD : 0) | (font.getItalic() ? java.awt.Font.ITALIC : 0);
        int key = font.getFontHeightInPoints() * 4 + style;
        return FONTS.computeIfAbsent(key, k -> new java.awt.Font("Liberation Sans", style, font.getFontHeightInPoints()));
    }
}
