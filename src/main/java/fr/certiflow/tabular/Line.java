package fr.certiflow.tabular;

import java.util.List;

/**
 * One line of an imported file as a reader hands it over.
 *
 * @param number its row in the file as the person sees it (1-based, blank lines counted)
 * @param cells its cells by position, each cut at {@link TableReader#MAX_CELL_CHARS} + 1 characters
 * @param tooLong the line holds more than {@link TableReader#MAX_LINE_CHARS} characters: its cells were not kept
 */
record Line(int number, List<String> cells, boolean tooLong) {

    boolean blank() {
        return !tooLong && cells.stream().allMatch(String::isBlank);
    }
}
