package fr.certiflow.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.formula.FormulaParser;
import org.apache.poi.ss.formula.FormulaRenderer;
import org.apache.poi.ss.formula.FormulaType;
import org.apache.poi.ss.formula.SharedFormula;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an .xlsx with POI's event API (XSSFReader and SAX), one row at a time, instead of
 * loading the workbook: opened from a file, the package reads its entries on demand. Cells come out as they did
 * with the whole workbook loaded: a formula as its text "=…" (never its computed value; shared and array formulas
 * as Excel shows them in each cell), a date-formatted number as yyyy-MM-dd, any other cell as
 * {@code DataFormatter(Locale.FRANCE)} writes it.
 */
final class XlsxLines {

    static final int MAX_FORMULA_GROUPS = 10_000;
    static final int MAX_ARRAY_FORMULAS = 1_000;
    private static final int MAX_CONTEXT_SHEETS = 255;

    private XlsxLines() {
    }

    static void read(String file, Path path, Consumer<Line> lines) throws IOException, OpenXML4JException {
        WorkbookPackageCheck.check(file, path);
        PoiLimits.apply();
        OPCPackage pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
        try {
            XSSFReader reader = new XSSFReader(pkg);
            WorkbookFacts facts = new WorkbookFacts();
            try (InputStream workbook = reader.getWorkbookData()) {
                XmlParts.parse(file, "workbook.xml", workbook, facts);
            }
            InputStream styles = reader.getStylesData();
            NumberFormats formats = styles == null ? NumberFormats.none() : NumberFormats.read(file, styles);
            InputStream shared = reader.getSharedStringsData();
            WorkbookStrings strings = shared == null ? WorkbookStrings.none() : WorkbookStrings.read(file, shared);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw TableReader.refused(file, "classeur illisible (aucune feuille)");
            }
            try (InputStream sheet = sheets.next()) {
                XmlParts.parse(file, "feuille 1", sheet, new SheetHandler(file, facts, formats, strings, lines));
            }
        } finally {
            pkg.revert();
        }
    }

    /** What workbook.xml says that cells need: the 1904 date system, and the sheet names formulas may refer to. */
    private static final class WorkbookFacts extends DefaultHandler {

        boolean date1904;
        final List<String> sheetNames = new ArrayList<>();

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if ("workbookPr".equals(localName)) {
                String value = attributes.getValue("date1904");
                date1904 = "1".equals(value) || "true".equalsIgnoreCase(value);
            } else if ("sheet".equals(localName) && attributes.getValue("name") != null && sheetNames.size() < MAX_CONTEXT_SHEETS) {
                sheetNames.add(attributes.getValue("name"));
            }
        }
    }

    private record SharedGroup(String formula, CellRangeAddress range) {
    }

    private record ArrayGroup(String formula, CellRangeAddress range) {
    }

    private static final class SheetHandler extends DefaultHandler {

        private final String file;
        private final WorkbookFacts facts;
        private final NumberFormats formats;
        private final WorkbookStrings strings;
        private final Consumer<Line> lines;
        private final DataFormatter formatter = new DataFormatter(Locale.FRANCE);
        private final Map<String, SharedGroup> sharedGroups = new HashMap<>();
        private final List<ArrayGroup> arrayGroups = new ArrayList<>();
        private XSSFEvaluationWorkbook formulaContext;

        private int row;
        private List<String> cells;
        private long lineChars;
        private boolean tooLong;
        private int nextColumn;

        private int column;
        private String type;
        private int style;
        private final StringBuilder value = new StringBuilder();
        private final StringBuilder formula = new StringBuilder();
        private boolean hasFormula;
        private String formulaType;
        private String formulaRef;
        private String sharedIndex;
        private boolean inValue;
        private boolean inFormula;
        private boolean inInline;
        private boolean inInlineText;
        private int phonetic;

        SheetHandler(String file, WorkbookFacts facts, NumberFormats formats, WorkbookStrings strings, Consumer<Line> lines) {
            this.file = file;
            this.facts = facts;
            this.formats = formats;
            this.strings = strings;
            this.lines = lines;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    row = number(attributes.getValue("r"), row + 1);
                    cells = new ArrayList<>();
                    lineChars = 0;
                    tooLong = false;
                    nextColumn = 0;
                }
                case "c" -> {
                    column = column(attributes.getValue("r"));
                    type = attributes.getValue("t");
                    style = number(attributes.getValue("s"), 0);
                    value.setLength(0);
                    formula.setLength(0);
                    hasFormula = false;
                    formulaType = null;
                    formulaRef = null;
                    sharedIndex = null;
                }
                case "v" -> inValue = true;
                case "f" -> {
                    hasFormula = true;
                    inFormula = true;
                    formulaType = attributes.getValue("t");
                    formulaRef = attributes.getValue("ref");
                    sharedIndex = attributes.getValue("si");
                }
                case "is" -> inInline = true;
                case "rPh" -> phonetic++;
                case "t" -> inInlineText = inInline && phonetic == 0;
                default -> {
                    // sheet properties, formatting, merged cells…: not data
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inInlineText) {
                append(value, ch, start, length, WorkbookStrings.RAW_CHARS);
            } else if (inFormula) {
                append(formula, ch, start, length, TableReader.MAX_CELL_CHARS + 1);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v" -> inValue = false;
                case "f" -> inFormula = false;
                case "is" -> inInline = false;
                case "rPh" -> phonetic--;
                case "t" -> inInlineText = false;
                case "c" -> {
                    place(column, text());
                    nextColumn = column + 1;
                }
                case "row" -> {
                    lines.accept(new Line(row, tooLong ? List.of() : cells, tooLong));
                    cells = null;
                }
                default -> {
                    // nothing to close
                }
            }
        }

        private void place(int at, String text) {
            lineChars += text.length() + 1L;
            if (lineChars > TableReader.MAX_LINE_CHARS) {
                tooLong = true;
                cells.clear();
            }
            if (tooLong) {
                return;
            }
            while (cells.size() <= at) {
                cells.add("");
            }
            cells.set(at, text);
        }

        /** The cell as typed: see the class comment. */
        private String text() {
            if (hasFormula && !"dataTable".equals(formulaType)) {
                return "=" + formulaText();
            }
            for (ArrayGroup group : arrayGroups) {
                if (group.range().isInRange(row - 1, column)) {
                    return "=" + group.formula();
                }
            }
            String raw = value.toString();
            if (type == null || type.equals("n")) {
                return raw.isEmpty() ? "" : number(raw);
            }
            return switch (type) {
                case "s" -> raw.isBlank() ? "" : strings.get(file, raw);
                case "inlineStr", "str" -> WorkbookStrings.cut(WorkbookStrings.unescape(raw));
                case "b" -> "1".equals(raw) ? "TRUE" : "FALSE";
                default -> WorkbookStrings.cut(raw);
            };
        }

        private String formulaText() {
            String text = formula.toString();
            if ("shared".equals(formulaType) && sharedIndex != null) {
                if (formulaRef != null) {
                    if (sharedGroups.size() >= MAX_FORMULA_GROUPS) {
                        throw TableReader.refused(file, "classeur refusé : plus de " + MAX_FORMULA_GROUPS + " formules partagées");
                    }
                    sharedGroups.put(sharedIndex, new SharedGroup(text, range(formulaRef)));
                }
                SharedGroup group = sharedGroups.get(sharedIndex);
                if (group == null) {
                    throw TableReader.refused(file, "classeur illisible (formule partagée n° " + sharedIndex + " sans cellule d'origine)");
                }
                return shifted(group);
            }
            if ("array".equals(formulaType) && formulaRef != null) {
                if (arrayGroups.size() >= MAX_ARRAY_FORMULAS) {
                    throw TableReader.refused(file, "classeur refusé : plus de " + MAX_ARRAY_FORMULAS + " formules matricielles");
                }
                arrayGroups.add(new ArrayGroup(text, range(formulaRef)));
            }
            return text;
        }

        /** A shared formula as Excel shows it in this cell: its relative references moved from the group's first cell. */
        private String shifted(SharedGroup group) {
            try {
                XSSFEvaluationWorkbook context = formulaContext();
                Ptg[] parsed = FormulaParser.parse(group.formula(), context, FormulaType.CELL, 0, row - 1);
                Ptg[] moved = new SharedFormula(SpreadsheetVersion.EXCEL2007).convertSharedFormulas(parsed,
                        row - 1 - group.range().getFirstRow(), column - group.range().getFirstColumn());
                return FormulaRenderer.toFormulaString(context, moved);
            } catch (RuntimeException unparsable) {
                // a name or function POI does not know: the group's text as written is still a formula, never a value
                return group.formula();
            }
        }

        /** Formulas are parsed against an empty workbook with the same sheet names, built at the first need. */
        private XSSFEvaluationWorkbook formulaContext() {
            if (formulaContext == null) {
                XSSFWorkbook names = new XSSFWorkbook();
                for (String name : facts.sheetNames) {
                    try {
                        names.createSheet(name);
                    } catch (IllegalArgumentException invalid) {
                        names.createSheet();
                    }
                }
                if (names.getNumberOfSheets() == 0) {
                    names.createSheet();
                }
                formulaContext = XSSFEvaluationWorkbook.create(names);
            }
            return formulaContext;
        }

        private String number(String raw) {
            double number;
            try {
                number = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                throw TableReader.refused(file, "classeur illisible (nombre « " + WorkbookStrings.cut(raw) + " » ligne " + row + ")");
            }
            NumberFormats.Format format = formats.of(style);
            if (format == null) {
                return Double.toString(number);
            }
            if (DateUtil.isValidExcelDate(number) && DateUtil.isADateFormat(format.index(), format.text())) {
                return DateUtil.getLocalDateTime(number, facts.date1904).toLocalDate().toString();
            }
            return formatter.formatRawCellContents(number, format.index(), format.text(), facts.date1904);
        }

        private int column(String reference) {
            if (reference == null) {
                if (nextColumn > SpreadsheetVersion.EXCEL2007.getLastColumnIndex()) {
                    throw TableReader.refused(file, "classeur illisible (plus de " + nextColumn + " cellules ligne " + row + ")");
                }
                return nextColumn;
            }
            int letters = 0;
            while (letters < reference.length() && Character.isLetter(reference.charAt(letters))) {
                letters++;
            }
            int index = letters == 0 || letters > 3 ? -1 : CellReference.convertColStringToIndex(reference.substring(0, letters));
            if (index < 0 || index > SpreadsheetVersion.EXCEL2007.getLastColumnIndex()) {
                throw TableReader.refused(file, "classeur illisible (référence de cellule « " + WorkbookStrings.cut(reference) + " »)");
            }
            return index;
        }

        private CellRangeAddress range(String reference) {
            try {
                return CellRangeAddress.valueOf(reference);
            } catch (RuntimeException e) {
                throw TableReader.refused(file, "classeur illisible (plage « " + WorkbookStrings.cut(reference) + " »)");
            }
        }

        private static int number(String text, int otherwise) {
            try {
                return text == null ? otherwise : Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }

        private static void append(StringBuilder text, char[] ch, int start, int length, int max) {
            text.append(ch, start, Math.max(0, Math.min(max - text.length(), length)));
        }
    }
}
