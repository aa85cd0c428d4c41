package fr.certiflow.web;

import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means Certiflow cannot serve for a while (its database out of reach, no connection to be had):
 * the API answers 503 and the console a page saying to try again, instead of an internal error.
 */
public final class ServiceUnavailable {

    private ServiceUnavailable() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransientDataAccessResourceException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
