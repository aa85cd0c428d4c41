package fr.certiflow.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Reading imports as streams: the CSV dialect, and every bound checked while reading. */
@Tag("unit")
class TableReaderTests {

    static final Map<String, List<String>> HEADERS = Map.of(
            "number", List.of("N° candidat"), "name", List.of("Nom"), "email", List.of("Courriel"));
    static final List<String> REQUIRED = List.of("number", "name");

    static Table read(String name, String text) {
        return read(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Table read(String name, byte[] content) {
        return TableReader.read(name, new ByteArrayInputStream(content), HEADERS, REQUIRED);
    }

    static List<String> rows(Table table) {
        return table.rows().stream().map(row -> row.number() + ":" + row.cells().get("number") + "|" + row.cells().get("name")
                + "|" + row.cells().get("email")).toList();
    }

    static List<String> problems(ImportRefusedException refused) {
        return refused.problems().stream().map(ImportProblem::toString).toList();
    }

    @Nested
    class CsvDialect {

        @Test
        void theSeparatorIsTheOneTheHeaderLineHoldsMoreOf() {
            assertThat(rows(read("a.csv", "N° candidat;Nom;Courriel\n1;Martin, Léa;lea@example.org\n")))
                    .containsExactly("2:1|Martin, Léa|lea@example.org");
            assertThat(rows(read("a.csv", "N° candidat,Nom,Courriel\n1,Martin; Léa,lea@example.org\n")))
                    .containsExactly("2:1|Martin; Léa|lea@example.org");
        }

        @Test
        void quotedCellsHoldSeparatorsDoubledQuotesAndLineBreaks() {
            Table table = read("a.csv", "N° candidat;Nom;Courriel\n\"1\";\"Martin; \"\"dite\"\" Léa\";\"ligne 1\nligne 2\"\n2;Petit;\n");
            assertThat(table.rows().get(0).cells()).containsEntry("name", "Martin; \"dite\" Léa").containsEntry("email", "ligne 1\nligne 2");
            assertThat(table.rows().get(1).number()).as("a line break inside quotes does not start a row").isEqualTo(3);
        }

        @Test
        void textAfterAClosingQuoteAndAQuoteLeftOpenAtTheEndAreKeptAsOfficesWriteThem() {
            assertThat(rows(read("a.csv", "N° candidat;Nom\n1;\"Martin\" Léa\n2;\"Petit\n")))
                    .containsExactly("2:1|Martin Léa|null", "3:2|Petit\n|null");
        }

        @Test
        void aByteOrderMarkCrLfAndCrAreAccepted() {
            assertThat(rows(read("a.csv", "\uFEFFN° candidat;Nom\r\n1;Martin\r\n2;Petit\r3;Durand")))
                    .containsExactly("2:1|Martin|null", "3:2|Petit|null", "4:3|Durand|null");
        }

        @Test
        void headersAreMatchedWithoutCaseAccentsOrSpacing() {
            Table table = read("a.csv", "  n  CANDIDAT ;NOM;courriel\n1;Martin;a@b.fr\n");
            assertThat(table.columns()).containsEntry("number", "n  CANDIDAT").containsEntry("name", "NOM");
        }

        @Test
        void blankLinesAreSkippedButCountedInRowNumbers() {
            assertThat(rows(read("a.csv", "\nN° candidat;Nom\n1;Martin\n;\n\n2;Petit\n")))
                    .containsExactly("3:1|Martin|null", "6:2|Petit|null");
        }

        @Test
        void aFileValidAtItsStartButNotFurtherIsRefusedNamingTheEncodingAndTheLine() {
            java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
            content.writeBytes("N° candidat;Nom\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 7000; i++) {
                content.writeBytes((i + ";Élodie Martin\n").getBytes(StandardCharsets.UTF_8));
            }
            content.writeBytes("7000;Mart".getBytes(StandardCharsets.UTF_8));
            content.write(0xE9);
            content.writeBytes("in\n".getBytes(StandardCharsets.UTF_8));
            assertThat(content.size()).as("the bad byte lies past what the detection looks at").isGreaterThan(TableReader.DETECTION_BYTES);
            assertThatThrownBy(() -> read("a.csv", content.toByteArray())).isInstanceOfSatisfying(ImportRefusedException.class,
                    e -> assertThat(problems(e)).containsExactly("a.csv : caractères invalides en UTF-8 à la ligne 7002 (encodage "
                            + "détecté d'après le début du fichier) : enregistrez le fichier en « CSV UTF-8 » et importez-le à nouveau"));
        }

        @Test
        void anEmptyFileOrOneOfBlankLines() {
            assertThatThrownBy(() -> read("a.csv", "\n ; \n")).isInstanceOfSatisfying(ImportRefusedException.class,
                    e -> assertThat(problems(e)).containsExactly("a.csv : le fichier est vide"));
        }

        @Test
        void headerProblemsNameTheHeadersRow() {
            assertThatThrownBy(() -> read("a.csv", "\nN° candidat;Téléphone\n1;0102\n")).isInstanceOfSatisfying(ImportRefusedException.class,
                    e -> assertThat(problems(e)).containsExactly("a.csv, ligne 2, colonne « Téléphone » : colonne inconnue",
                            "a.csv, ligne 2, colonne « Nom » : colonne obligatoire absente"));
        }
    }

    @Nested
    class Bounds {

        @Test
        void theRowLimitIsReachedWhileReadingAndTheRestIsNeverRead() {
            int slack = 64 * 1024;
            // Rows are made as they are read; reading much past the limit would be a failure of the reader.
            InputStream rows = new GeneratedRows(10 * TableReader.MAX_ROWS, slack, TableReader.MAX_ROWS + 1);
            assertThatThrownBy(() -> TableReader.read("gros.csv", rows, HEADERS, REQUIRED))
                    .isInstanceOfSatisfying(ImportRefusedException.class,
                            e -> assertThat(problems(e)).containsExactly("gros.csv : plus de 20000 lignes"));
        }

        @Test
        void exactlyTheRowLimitIsAccepted() {
            Table table = TableReader.read("juste.csv", new GeneratedRows(TableReader.MAX_ROWS, 0, TableReader.MAX_ROWS), HEADERS, REQUIRED);
            assertThat(table.rows()).hasSize(TableReader.MAX_ROWS);
            assertThat(table.rows().get(TableReader.MAX_ROWS - 1).number()).isEqualTo(TableReader.MAX_ROWS + 1);
        }

        @Test
        void theSizeLimitIsEnforcedWhileReadingAndNothingPastItIsRead() {
            byte[] csv = "N° candidat;Nom\n1;Martin\n".getBytes(StandardCharsets.UTF_8);
            assertThat(TableReader.read("a.csv", new SizeLimitedInputStream(new ByteArrayInputStream(csv), "a.csv", csv.length),
                    HEADERS, REQUIRED).rows()).hasSize(1);

            InputStream endless = new GeneratedRows(Integer.MAX_VALUE, 0, Integer.MAX_VALUE);
            CountingStream counted = new CountingStream(endless);
            assertThatThrownBy(() -> TableReader.read("a.csv", new SizeLimitedInputStream(counted, "a.csv", 1000), HEADERS, REQUIRED))
                    .isInstanceOfSatisfying(ImportTooLargeException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("Le fichier « a.csv » dépasse la taille maximale d'un import (1000 octets) : rien n'a été importé.");
                        assertThat(problems(e)).containsExactly("a.csv : le fichier dépasse la taille maximale d'un import (1000 octets)");
                    });
            assertThat(counted.count).isEqualTo(1001);
        }

        @Test
        void sizesAreWrittenTheFrenchWay() {
            assertThat(SizeLimitedInputStream.size(10L * 1024 * 1024)).isEqualTo("10 Mo");
            assertThat(SizeLimitedInputStream.size(512 * 1024)).isEqualTo("512 Ko");
            assertThat(SizeLimitedInputStream.size(1500)).isEqualTo("1500 octets");
        }

        @Test
        void aCellTooLongIsAProblemOfItsRowAndColumnAndEveryOneIsReported() {
            String longest = "x".repeat(TableReader.MAX_CELL_CHARS);
            assertThat(read("a.csv", "N° candidat;Nom\n1;" + longest + "\n").rows().get(0).cells().get("name")).hasSize(TableReader.MAX_CELL_CHARS);
            assertThatThrownBy(() -> read("a.csv", "N° candidat;Nom;Courriel\n1;" + longest + "y;a\n2;b;\"" + longest + "\"\"\"\n"))
                    .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(problems(e)).containsExactly(
                            "a.csv, ligne 2, colonne « Nom » : texte de plus de 10000 caractères",
                            "a.csv, ligne 3, colonne « Courriel » : texte de plus de 10000 caractères"));
        }

        @Test
        void aLineTooLongIsAProblemOfItsRow() {
            String cells = (";" + "x".repeat(9_999)).repeat(11);
            assertThatThrownBy(() -> read("a.csv", "N° candidat;Nom\n1;Martin\n2;Petit" + cells + "\n3;Durand\n"))
                    .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(problems(e)).containsExactly(
                            "a.csv, ligne 3 : ligne de plus de 100000 caractères"));
        }

        @Test
        void aHostileCsvOfSeparatorsOnlyIsOneLineTooLongNotMillionsOfCells() {
            String separators = ";".repeat(3_000_000);
            assertThatThrownBy(() -> read("a.csv", "N° candidat;Nom\n1" + separators + "\n"))
                    .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(problems(e)).containsExactly(
                            "a.csv, ligne 2 : ligne de plus de 100000 caractères"));
        }

        @Test
        void theProblemsListedAreCappedWithACountOfTheOthers() {
            StringBuilder csv = new StringBuilder("N° candidat;Nom\n");
            String tooLong = "x".repeat(TableReader.MAX_CELL_CHARS + 1);
            for (int i = 0; i < ImportRefusedException.MAX_LISTED + 5; i++) {
                csv.append(i).append(';').append(tooLong).append('\n');
            }
            assertThatThrownBy(() -> read("a.csv", csv.toString())).isInstanceOfSatisfying(ImportRefusedException.class, e -> {
                assertThat(e.problems()).hasSize(ImportRefusedException.MAX_LISTED + 1);
                assertThat(e.getMessage()).startsWith((ImportRefusedException.MAX_LISTED + 5) + " problème(s)");
                assertThat(e.problems().get(ImportRefusedException.MAX_LISTED))
                        .hasToString("a.csv : 5 autre(s) problème(s) non listé(s) : corrigez d'abord ceux-ci");
            });
        }

        @Test
        void neitherAWorkbookNorACsv() {
            byte[] pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> read("a.csv", pdf)).isInstanceOfSatisfying(ImportRefusedException.class,
                    e -> assertThat(problems(e)).containsExactly("a.csv : ce fichier n'est ni un classeur Excel (.xlsx) ni un fichier "
                            + "CSV (il semble être de type « application/pdf ») : ouvrez-le dans votre tableur et enregistrez-le au "
                            + "format « Classeur Excel (.xlsx) » ou « CSV », puis importez ce fichier"));
        }
    }

    /**
     * A cohort CSV made as it is read: a header, then {@code rows} rows. Once {@code stopAfter} rows have been handed
     * out, only {@code slack} more bytes may be read (a reader's buffers); a read past them fails the test.
     */
    static final class GeneratedRows extends InputStream {

        private final int rows;
        private final int slack;
        private final int stopAfter;
        private byte[] current = "N° candidat;Nom;Courriel\n".getBytes(StandardCharsets.UTF_8);
        private int position;
        private int made;
        private long pastTheLimit;

        GeneratedRows(int rows, int slack, int stopAfter) {
            this.rows = rows;
            this.slack = slack;
            this.stopAfter = stopAfter;
        }

        @Override
        public int read() throws IOException {
            if (position == current.length) {
                if (made == rows) {
                    return -1;
                }
                made++;
                current = (made + ";Nom " + made + ";c" + made + "@example.org\n").getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            if (made > stopAfter && ++pastTheLimit > slack) {
                throw new AssertionError("read " + slack + " bytes past row " + stopAfter + ": the reader did not stop");
            }
            return current[position++] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = 0;
            while (count < length) {
                int value = read();
                if (value < 0) {
                    return count == 0 ? -1 : count;
                }
                buffer[offset + count++] = (byte) value;
            }
            return count;
        }
    }

    static final class CountingStream extends java.io.FilterInputStream {

        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            count += Math.max(read, 0);
            return read;
        }
    }
}
