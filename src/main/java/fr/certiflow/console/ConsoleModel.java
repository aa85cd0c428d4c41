package fr.certiflow.console;

import fr.certiflow.campaign.CampaignStatus;
import fr.certiflow.identity.CurrentUser;
import fr.certiflow.identity.CurrentUsers;
import fr.certiflow.identity.Groups;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page shows: who is logged in, whether they may act (coordinators) or only read, dates. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    static final Map<String, String> CAMPAIGN_STATUSES = Map.of(
            CampaignStatus.DRAFT.name(), "En préparation",
            CampaignStatus.LAUNCHED.name(), "Lancée",
            CampaignStatus.CLOSED.name(), "Close",
            CampaignStatus.RESULTS_PUBLISHED.name(), "Résultats publiés");

    private final CurrentUsers users;
    private final fr.certiflow.progress.ProductionListing listing;

    ConsoleModel(CurrentUsers users, fr.certiflow.progress.ProductionListing listing) {
        this.users = users;
        this.listing = listing;
    }

    @ModelAttribute
    void common(Model model) {
        fill(model.asMap());
    }

    /** The same attributes, for the pages the error handlers render (which the @ModelAttribute does not reach). */
    void fill(Map<String, Object> model) {
        users.current().ifPresent(user -> {
            model.put("user", user.id());
            model.put("canAct", canAct(user));
            model.put("canReadOutbox", canAct(user) || user.isIn(Groups.MANAGERS));
        });
        model.put("dates", ConsoleController.SHOWN);
        model.put("statusLabels", CAMPAIGN_STATUSES);
        model.put("tasklist", listing.tasklist());
    }

    /** Coordinators and administrators act; managers and jury presidents read (ConsoleSecurity refuses their POSTs). */
    static boolean canAct(CurrentUser user) {
        return user.isIn(Groups.COORDINATORS) || user.isAdministrator();
    }
}
