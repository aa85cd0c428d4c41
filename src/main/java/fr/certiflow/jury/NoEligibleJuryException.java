package fr.certiflow.jury;

import fr.certiflow.errors.ConflictException;

/** No jury meets the assignment rules for a production or a sitting: a coordinator designates one (the BPMN models it). */
class NoEligibleJuryException extends ConflictException {

    NoEligibleJuryException() {
        super("Aucun jury possible selon les règles d'affectation");
    }
}
