package fr.certiflow.grid;

import fr.certiflow.evaluation.EvaluationInput;
import fr.certiflow.referential.model.Component;
import fr.certiflow.regulation.Regulation;
import fr.certiflow.tabular.PoiLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.tika.Tika;
import fr.certiflow.errors.RefusedException;

/** Opens an uploaded grid and reads what the juror filled in, refusing what is not an untouched Certiflow grid. */
public final class GridReader {

    private static final Tika TIKA = new Tika();

    static {
        PoiLimits.apply();
    }

    private final Sheet sheet;
    private final GridWorkbook.Identification identification;
    /** A group's grid: each member's sheet, as its identification lists them; empty for an individual grid. */
    private final Map<GridWorkbook.SheetEntry, Sheet> sections;

    private GridReader(Sheet sheet, GridWorkbook.Identification identification, Map<GridWorkbook.SheetEntry, Sheet> sections) {
        this.sheet = sheet;
        this.identification = identification;
        this.sections = sections;
    }

    public static GridReader open(String filename, byte[] content, long maxBytes) {
        String name = filename == null ? "grille" : filename;
        if (content.length > maxBytes) {
            throw new GridRefusedException(RefusedException.Reason.TOO_LARGE, "« " + name + " » dépasse la taille maximale de "
                    + maxBytes / (1024 * 1024) + " Mo.");
        }
        String type;
        try (InputStream in = new ByteArrayInputStream(content)) {
            type = TIKA.detect(in);
        } catch (IOException e) {
            type = "inconnu";
        }
        if (!"application/zip".equals(type) && !type.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml")
                && !"application/x-tika-ooxml".equals(type)) {
            throw new GridRefusedException(RefusedException.Reason.UNSUPPORTED_TYPE, "« " + name
                    + " » n'est pas un classeur Excel (.xlsx) : contenu détecté " + type + ".");
        }
        XSSFWorkbook workbook;
        try {
            workbook = new XSSFWorkbook(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            throw new GridRefusedException("« " + name + " » est refusé : classeur illisible, "
                    + "trop volumineux une fois décompressé ou contenant trop d'éléments (" + firstLine(e.getMessage()) + ").");
        }
        Sheet hidden = workbook.getSheet(GridWorkbook.IDENTIFICATION_SHEET);
        if (hidden == null) {
            throw notAGrid(name);
        }
        GridWorkbook.Identification identification;
        Map<GridWorkbook.SheetEntry, Sheet> sections = new LinkedHashMap<>();
        try {
            identification = new GridWorkbook.Identification(text(hidden, 0), Long.parseLong(text(hidden, 1)),
                    text(hidden, 2), text(hidden, 3), Integer.parseInt(text(hidden, 4)), text(hidden, 5), text(hidden, 6));
            for (int r = 7; hidden.getRow(r) != null && GridWorkbook.SECTION_LABEL.equals(text(hidden, r, 0)); r++) {
                GridWorkbook.SheetEntry entry = new GridWorkbook.SheetEntry(text(hidden, r), Long.parseLong(text(hidden, r, 2)));
                Sheet member = workbook.getSheet(entry.sheetName());
                if (member == null) {
                    throw new GridRefusedException("La feuille « " + entry.sheetName()
                            + " » de la grille « " + name + " » est absente : déposez la grille téléchargée, sans en retirer de feuille.");
                }
                sections.put(entry, member);
            }
        } catch (GridRefusedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GridRefusedException("L'identification de la grille « " + name + " » est illisible.");
        }
        Sheet grid = sections.isEmpty() ? workbook.getSheet(GridWorkbook.SHEET) : null;
        if (sections.isEmpty() && grid == null) {
            throw notAGrid(name);
        }
        return new GridReader(grid, identification, sections);
    }

    private static GridRefusedException notAGrid(String name) {
        return new GridRefusedException("« " + name + " » n'est pas une grille d'évaluation Certiflow.");
    }

    public GridWorkbook.Identification identification() {
        return identification;
    }

    /** Whether this is a group's grid: a sheet per member. */
    public boolean group() {
        return !sections.isEmpty();
    }

    /** A group's grid: each member's sheet and production, in the grid's order. */
    public List<GridWorkbook.SheetEntry> sections() {
        return List.copyOf(sections.keySet());
    }

    /** Whether the structure is the one the grid was written with (every member's sheet in a group's grid). */
    public boolean structureIntact(Component component) {
        String found = group() ? GridWorkbook.checksum(List.copyOf(sections.values()), component)
                : GridWorkbook.checksum(sheet, component);
        return found.equals(identification.checksum());
    }

    /**
     * What the juror filled in. Every missing rating and every Non acquis without comment is a problem, named with
     * its cell.
     */
    public EvaluationInput answers(Component component, Regulation.Scale scale) {
        List<String> problems = new ArrayList<>();
        EvaluationInput input = answers(sheet, component, scale, problems, "");
        if (!problems.isEmpty()) {
            throw new GridRefusedException(problems);
        }
        return input;
    }

    /**
     * What the juror filled in on each member's sheet of a group's grid; a sheet left entirely blank (no tick, rating
     * or comment) is absent from the answer: its member is left to the group form. A sheet partly filled is checked
     * as an individual grid, its problems named with the sheet.
     */
    public Map<GridWorkbook.SheetEntry, EvaluationInput> sectionAnswers(Component component, Regulation.Scale scale) {
        Map<GridWorkbook.SheetEntry, EvaluationInput> answers = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        sections.forEach((entry, member) -> {
            if (!blank(member, component)) {
                answers.put(entry, answers(member, component, scale, problems, "feuille « " + entry.sheetName() + " », "));
            }
        });
        if (!problems.isEmpty()) {
            throw new GridRefusedException(problems);
        }
        return answers;
    }

    private static boolean blank(Sheet sheet, Component component) {
        return GridWorkbook.answerCells(component).stream().allMatch(address -> value(sheet, address).isEmpty());
    }

    private static EvaluationInput answers(Sheet sheet, Component component, Regulation.Scale scale, List<String> problems,
            String where) {
        Map<String, EvaluationInput.CriterionInput> criteria = new LinkedHashMap<>();
        int number = 1;
        for (GridWorkbook.CriterionCells cells : GridWorkbook.layout(component)) {
            String label = where + "critère " + number++ + " « " + cells.criterion().title() + " »";
            String rating = value(sheet, cells.rating());
            String normalised = rating.isEmpty() ? null : scale.level(rating).map(Regulation.Level::code).orElse(null);
            String comment = value(sheet, cells.comment());
            if (normalised == null) {
                problems.add(label + " : appréciation " + (rating.isEmpty() ? "manquante" : "« " + rating + " » invalide")
                        + ", attendu : " + scale.choices() + " (cellule " + cells.rating().formatAsString() + ")");
            } else if (!scale.acquired(normalised) && comment.isEmpty()) {
                problems.add(label + " : commentaire obligatoire pour un critère non acquis (cellule "
                        + cells.comment().formatAsString() + ")");
            }
            List<Integer> ticks = new ArrayList<>();
            for (int i = 0; i < cells.ticks().size(); i++) {
                if (!value(sheet, cells.ticks().get(i)).isEmpty()) {
                    ticks.add(i + 1);
                }
            }
            criteria.put(cells.criterion().code(), new EvaluationInput.CriterionInput(normalised, ticks,
                    comment.isEmpty() ? null : comment));
        }
        return new EvaluationInput(criteria);
    }

    private static String value(Sheet sheet, CellAddress address) {
        Row row = sheet.getRow(address.getRow());
        Cell cell = row == null ? null : row.getCell(address.getColumn());
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue().strip();
            case NUMERIC -> String.valueOf(cell.getNumericCellValue());
            case BOOLEAN -> cell.getBooleanCellValue() ? "x" : "";
            case FORMULA -> "=" + cell.getCellFormula();
            default -> "";
        };
    }

    private static String text(Sheet sheet, int row) {
        return text(sheet, row, 1);
    }

    private static String text(Sheet sheet, int row, int column) {
        Cell cell = sheet.getRow(row).getCell(column);
        return cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : cell.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "erreur inconnue";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
