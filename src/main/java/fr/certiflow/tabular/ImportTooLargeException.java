package fr.certiflow.tabular;

import java.util.List;

/** A file larger than the import limit: refused as soon as the limit is passed, before anything is read as a table. */
public class ImportTooLargeException extends ImportRefusedException {

    public ImportTooLargeException(String file, long maxBytes) {
        super(Reason.TOO_LARGE, "Le fichier « " + file + " » dépasse la taille maximale d'un import (" + SizeLimitedInputStream.size(maxBytes)
                + ") : rien n'a été importé.", List.of(new ImportProblem(file, null, null,
                "le fichier dépasse la taille maximale d'un import (" + SizeLimitedInputStream.size(maxBytes) + ")")));
    }
}
