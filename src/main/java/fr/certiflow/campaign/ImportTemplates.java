package fr.certiflow.campaign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The downloadable import templates: French headers, an example row, and a sheet explaining each column. */
public final class ImportTemplates {

    record Column(String header, String example, String help) {
    }

    static final List<Column> COHORT = List.of(
            new Column("N° candidat", "2027-001", "Obligatoire. Identifie le candidat : réimporter une ligne met à jour ce candidat."),
            new Column("Nom", "Martin", "Obligatoire."),
            new Column("Prénom", "Léa", "Obligatoire."),
            new Column("Courriel", "lea.martin@example.org", "Obligatoire ; unique dans la campagne."),
            new Column("Parcours", "formation", "formation ou VAE (formation par défaut)."),
            new Column("Groupe", "G1", "Groupe pour les productions collectives (2 à 6 membres) ; vide sinon."),
            new Column("Aménagement", "tiers-temps", "aucun, tiers-temps (durée fixée par le règlement de certification) ou prolongation."),
            new Column("Prolongation (jours)", "", "Nombre de jours, obligatoire pour une prolongation."),
            new Column("Formateur ou tuteur", "Claire Dupont", "Ne sera jamais juré du candidat."),
            new Column("Employeur", "Agence Horizon", "Aucun juré de cette organisation n'évaluera le candidat."),
            new Column("Blocs acquis", "BC1 (2025-06-30)", "Blocs acquis lors d'une session antérieure, avec leur date, séparés par « ; »."));

    static final List<Column> JURORS = List.of(
            new Column("Identifiant", "marie.dupont", "Obligatoire. Identifiant de connexion du juré (créé s'il n'existe pas)."),
            new Column("Nom", "Marie Dupont", "Obligatoire. Prénom puis nom."),
            new Column("Courriel", "marie.dupont@example.org", ""),
            new Column("Organisation", "Cabinet Conseil Ouest", "Le juré n'évalue pas les salariés de son organisation."),
            new Column("Professionnel extérieur", "oui", "Obligatoire : oui ou non. Chaque jury compte au moins un professionnel extérieur."),
            new Column("Qualifié en anglais", "non", "oui ou non. Chaque jury de l'étude de cas en anglais (A.5) en compte un."),
            new Column("Président de jury", "non", "oui ou non. Les présidents harmonisent et délibèrent ; ils n'évaluent pas."),
            new Column("Charge maximale", "20", "Nombre maximal de productions à évaluer (20 par défaut)."),
            new Column("Conflits déclarés", "2027-004; Agence Horizon", "Numéros de candidats ou organisations, séparés par « ; »."));

    private ImportTemplates() {
    }

    public static byte[] cohort() {
        return write("Cohorte", COHORT);
    }

    public static byte[] jurors() {
        return write("Jury", JURORS);
    }

    private static byte[] write(String sheetName, List<Column> columns) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = workbook.createSheet(sheetName);
            Row header = sheet.createRow(0);
            Row example = sheet.createRow(1);
            Sheet help = workbook.createSheet("Mode d'emploi");
            Row helpHeader = help.createRow(0);
            helpHeader.createCell(0).setCellValue("Colonne");
            helpHeader.createCell(1).setCellValue("Contenu attendu");
            helpHeader.getCell(0).setCellStyle(bold);
            helpHeader.getCell(1).setCellStyle(bold);
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                header.createCell(i).setCellValue(column.header());
                header.getCell(i).setCellStyle(bold);
                example.createCell(i).setCellValue(column.example());
                sheet.setColumnWidth(i, Math.max(14, column.header().length() + 4) * 256);
                Row line = help.createRow(i + 1);
                line.createCell(0).setCellValue(column.header());
                line.createCell(1).setCellValue(column.help());
            }
            help.setColumnWidth(0, 26 * 256);
            help.setColumnWidth(1, 100 * 256);
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
