package fr.certiflow.grid;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The jurors' names from the engine's users (the accounts Certiflow creates for them). */
@Component
class IdentityJurorNames implements JurorNames {

    private final IdentityService identity;

    IdentityJurorNames(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public String displayName(String userId) {
        User juror = identity.createUserQuery().userId(userId).singleResult();
        return juror == null ? userId : (juror.getFirstName() + " " + juror.getLastName()).strip();
    }
}
