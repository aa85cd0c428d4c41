package fr.certiflow.tabular;

/** One thing wrong in an imported file, located by row (1-based, header included) and column header. */
public record ImportProblem(String file, Integer row, String column, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (row != null) {
            text.append(", ligne ").append(row);
        }
        if (column != null) {
            text.append(", colonne « ").append(column).append(" »");
        }
        return text.append(" : ").append(message).toString();
    }
}
