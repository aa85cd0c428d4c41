package fr.certiflow.documents;

import fr.certiflow.jury.Juror;
import fr.certiflow.jury.JurorRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * People by name in what people read (minutes, consolidated grids): a campaign's juror by the name of the jury pool,
 * anyone else (a coordinator, a president) by the first and last name of their account; the login only for an account
 * without a name.
 */
@Component
class PeopleNames {

    private final JurorRepository jurors;
    private final IdentityService identity;

    PeopleNames(JurorRepository jurors, IdentityService identity) {
        this.jurors = jurors;
        this.identity = identity;
    }

    /** The names of a campaign's people by login, each account read once. */
    Function<String, String> of(Long campaignId) {
        Map<String, String> names = new HashMap<>();
        for (Juror juror : jurors.findByCampaignIdOrderByUserId(campaignId)) {
            if (juror.getDisplayName() != null && !juror.getDisplayName().isBlank()) {
                names.put(juror.getUserId(), juror.getDisplayName());
            }
        }
        return login -> login == null ? null : names.computeIfAbsent(login, this::accountName);
    }

    /** The account's first and last name, or the login when it has none. */
    String accountName(String login) {
        User user = identity.createUserQuery().userId(login).singleResult();
        String name = user == null ? "" : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? login : name;
    }
}
