package fr.certiflow.campaign;

import fr.certiflow.tabular.SheetLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The downloadable import templates. The first sheet, the one imported, holds only the headers, above rows whose
 * identifier columns are formatted as text (00123 stays 00123). The example and the explanation of each column are
 * on a sheet of their own, « Mode d'emploi », which is never imported: an example left in the data cannot create a
 * candidate or an account. Example addresses are at {@value #EXAMPLE_DOMAIN} (a domain that cannot exist), so an
 * example row copied into the data is recognised and refused ({@link #isExample}). Both sheets print on A4, one page
 * wide, headers repeated.
 */
public final class ImportTemplates {

    /** The domain of every example address: reserved, it can belong to no real person. */
    public static final String EXAMPLE_DOMAIN = "exemple.invalid";
    /** The problem of a row recognised as the template's example. */
    public static final String EXAMPLE_ROW = "ligne d'exemple du modèle : supprimez-la ou remplacez-la par une vraie personne";
    /** Rows of the data sheet prepared with the text format on identifier columns. */
    static final int FORMATTED_ROWS = 500;

    /** A column of a template: its header, the example value shown in the instructions, what to write there. */
    public record Column(String header, String example, String help, boolean identifier) {

        public Column(String header, String example, String help) {
            this(header, example, help, false);
        }
    }

    public static final List<Column> COHORT = List.of(
            new Column("N° candidat", "00123", "Obligatoire. Identifie le candidat : réimporter une ligne met à jour ce candidat. "
                    + "Colonne au format texte : les zéros en tête sont gardés.", true),
            new Column("Nom", "Martin", "Obligatoire."),
            new Column("Prénom", "Léa", "Obligatoire."),
            new Column("Courriel", "lea.martin@" + EXAMPLE_DOMAIN, "Obligatoire ; unique dans la campagne."),
            new Column("Parcours", "formation", "formation ou VAE (formation par défaut)."),
            new Column("Groupe", "G1", "Groupe pour les productions collectives (2 à 6 membres) : obligatoire pour un candidat en formation évalué sur une composante en « Travail collectif » du référentiel, sauf si la campagne y autorise le travail individuel ; vide en VAE.", true),
            new Column("Aménagement", "tiers-temps", "aucun, tiers-temps (durée fixée par le règlement de certification) ou prolongation."),
            new Column("Prolongation (jours)", "", "Nombre de jours, obligatoire pour une prolongation."),
            new Column("Formateur ou tuteur", "Claire Dupont", "Ne sera jamais juré du candidat."),
            new Column("Employeur", "Agence Horizon", "Aucun juré de cette organisation n'évaluera le candidat."),
            new Column("Blocs acquis", "BC1 (30/06/2025)", "Blocs acquis lors d'une session antérieure, avec leur date, séparés par « ; »."));

    private ImportTemplates() {
    }

    public static byte[] cohort() {
        return workbook("Cohorte", COHORT);
    }

    /** Whether a row's address is the template's example one (a leftover example, never real data). */
    public static boolean isExample(String email) {
        return email != null && email.strip().toLowerCase(java.util.Locale.ROOT).endsWith("@" + EXAMPLE_DOMAIN);
    }

    /** A template whose data sheet is named {@code sheetName}, with these columns (the jury's: {@code fr.certiflow.jury.JuryPoolTemplate}). */
    public static byte[] workbook(String sheetName, List<Column> columns) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SheetLayout.useArial(workbook);
            CellStyle bold = workbook.createCellStyle();
            bold.setFont(SheetLayout.font(workbook, true, false, SheetLayout.TEXT_POINTS));
            bold.setWrapText(true);
            bold.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle text = SheetLayout.textFormat(workbook, null);
            CellStyle textWrapped = SheetLayout.textFormat(workbook, wrapped);

            Sheet sheet = workbook.createSheet(sheetName);
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                header.createCell(i).setCellValue(column.header());
                header.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, Math.max(12, Math.min(24, column.header().length() + 3)) * 256);
                if (column.identifier()) {
                    sheet.setDefaultColumnStyle(i, text);
                }
            }
            // The default column style is what Excel applies to new cells; LibreOffice needs the cells themselves.
            for (int r = 1; r <= FORMATTED_ROWS; r++) {
                Row row = sheet.createRow(r);
                for (int i = 0; i < columns.size(); i++) {
                    if (columns.get(i).identifier()) {
                        row.createCell(i).setCellStyle(text);
                    }
                }
            }
            SheetLayout.fitHeight(header);
            sheet.createFreezePane(0, 1);
            SheetLayout.printSetup(sheet, true, 0, 0);

            Sheet help = workbook.createSheet("Mode d'emploi");
            // The column names and the examples each on one line, measured (an address cannot wrap at a space); the
            // explanations take the rest of the page's width.
            Font normal = workbook.getFontAt(0);
            Font heading = workbook.getFontAt(bold.getFontIndex());
            int names = SheetLayout.widthFor("Colonne", heading);
            int examples = SheetLayout.widthFor("Exemple", heading);
            for (Column column : columns) {
                names = Math.max(names, SheetLayout.widthFor(column.header(), normal));
                examples = Math.max(examples, SheetLayout.widthFor(column.example(), normal));
            }
            help.setColumnWidth(0, names);
            help.setColumnWidth(1, examples);
            help.setColumnWidth(2, Math.max(40 * 256, SheetLayout.printableWidth(false) - names - examples));
            Row intro = help.createRow(0);
            intro.createCell(0).setCellValue("Remplissez la feuille « " + sheetName + " » : une ligne par personne, sous les en-têtes. "
                    + "Cette feuille-ci n'est jamais importée ; l'exemple ci-dessous ne doit pas être recopié tel quel "
                    + "(une ligne d'adresse en @" + EXAMPLE_DOMAIN + " est refusée).");
            intro.getCell(0).setCellStyle(wrapped);
            help.addMergedRegion(new CellRangeAddress(0, 0, 0, 2));
            SheetLayout.fitHeight(intro, 0, 0, 2);
            Row helpHeader = help.createRow(2);
            List<String> titles = List.of("Colonne", "Exemple", "Contenu attendu");
            for (int i = 0; i < titles.size(); i++) {
                helpHeader.createCell(i).setCellValue(titles.get(i));
                helpHeader.getCell(i).setCellStyle(bold);
            }
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                Row line = help.createRow(i + 3);
                line.createCell(0).setCellValue(column.header());
                line.createCell(1).setCellValue(column.example());
                line.createCell(2).setCellValue(column.help());
                line.getCell(0).setCellStyle(wrapped);
                line.getCell(1).setCellStyle(textWrapped);
                line.getCell(2).setCellStyle(wrapped);
                SheetLayout.fitHeight(line);
            }
            SheetLayout.printSetup(help, false, 2, 2);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
