package fr.certiflow.evaluation;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The words of a PDF as {@code pdftotext -bbox} places them, checked against the workbook they were printed from. */
final class PrintedWords {

    private static final Pattern PAGE = Pattern.compile("<page width=\"([\\d.]+)\" height=\"([\\d.]+)\">(.*?)</page>", Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile(
            "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>");
    /** A word box is about 1.15 times the font size high; under this, the text printed under 8 pt. */
    static final double MIN_BOX_HEIGHT = 8 * 1.1;

    private PrintedWords() {
    }

    record Word(int page, double xMin, double yMin, double xMax, double yMax, String text) {
    }

    /** Every word of every visible sheet's text cells. */
    static Set<String> expected(Path workbook) throws Exception {
        Set<String> words = new LinkedHashSet<>();
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            for (int s = 0; s < book.getNumberOfSheets(); s++) {
                if (book.getSheetVisibility(s) != SheetVisibility.VISIBLE) {
                    continue;
                }
                Sheet sheet = book.getSheetAt(s);
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            for (String word : cell.getStringCellValue().split("[\\s\u00A0\u202F\u200B]+")) {
                                if (!word.isBlank()) {
                                    words.add(word);
                                }
                            }
                        }
                    }
                }
            }
        }
        return words;
    }

    static List<String> check(String document, String layout, Set<String> expected) {
        List<String> problems = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        Matcher page = PAGE.matcher(layout);
        int number = 0;
        while (page.find()) {
            number++;
            double width = Double.parseDouble(page.group(1));
            double height = Double.parseDouble(page.group(2));
            Matcher word = WORD.matcher(page.group(3));
            List<Word> onPage = new ArrayList<>();
            while (word.find()) {
                Word w = new Word(number, Double.parseDouble(word.group(1)), Double.parseDouble(word.group(2)),
                        Double.parseDouble(word.group(3)), Double.parseDouble(word.group(4)), unescape(word.group(5)).replace("\u200B", ""));
                onPage.add(w);
                if (w.xMin() < 0 || w.yMin() < 0 || w.xMax() > width || w.yMax() > height) {
                    problems.add(document + " p." + number + " : « " + w.text() + " » hors de la page");
                }
                if (w.yMax() - w.yMin() < MIN_BOX_HEIGHT) {
                    problems.add(document + " p." + number + " : « " + w.text() + " » imprimé sous 8 pt ("
                            + String.format("%.1f", (w.yMax() - w.yMin()) / 1.15) + " pt)");
                }
            }
            for (int i = 0; i < onPage.size(); i++) {
                for (int j = i + 1; j < onPage.size(); j++) {
                    Word a = onPage.get(i);
                    Word b = onPage.get(j);
                    double x = Math.min(a.xMax(), b.xMax()) - Math.max(a.xMin(), b.xMin());
                    double y = Math.min(a.yMax(), b.yMax()) - Math.max(a.yMin(), b.yMin());
                    if (x > 1 && y > 2) {
                        problems.add(document + " p." + number + " : « " + a.text() + " » et « " + b.text() + " » se chevauchent");
                    }
                }
            }
            words.addAll(onPage);
        }
        Set<String> printed = new HashSet<>();
        words.forEach(word -> printed.add(word.text()));
        for (String word : expected) {
            // A word may break after a hyphen (Lefèvre- / Dumont): then each part is printed whole.
            boolean whole = printed.contains(word) || word.contains("-")
                    && java.util.Arrays.stream(word.split("(?<=-)")).allMatch(printed::contains);
            if (!whole) {
                problems.add(document + " : « " + word + " » n'est pas imprimé en entier");
            }
        }
        return problems;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}
