package fr.certiflow.identity;

/** The administrator password is missing or not acceptable for this profile: Certiflow does not start. */
class AdminPasswordException extends IllegalStateException {

    AdminPasswordException(String message) {
        super(message);
    }
}
