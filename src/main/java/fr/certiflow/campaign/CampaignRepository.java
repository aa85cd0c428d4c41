package fr.certiflow.campaign;

import fr.certiflow.errors.NotFoundException;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CampaignRepository extends JpaRepository<Campaign, Long> {

    Optional<Campaign> findByCode(String code);

    /** The campaign, or a {@link NotFoundException} that says which one is missing. */
    default Campaign require(Long id) {
        return findById(id).orElseThrow(() ->
                new NotFoundException("Aucune campagne n° " + id + "."));
    }

    /**
     * The campaign an address names by its number or by its code (« DEMO-2027 »): a number names the campaign of
     * that id when there is one, else the campaign of that code; a {@link NotFoundException} that says which one is missing otherwise.
     */
    default Campaign resolve(String idOrCode) {
        boolean number = idOrCode.matches("[0-9]{1,18}");
        Optional<Campaign> byId = number ? findById(Long.valueOf(idOrCode)) : Optional.empty();
        return byId.or(() -> findByCode(idOrCode)).orElseThrow(() -> new NotFoundException(
                number ? "Aucune campagne n° " + idOrCode + "." : "Aucune campagne de code « " + idOrCode + " »."));
    }

    /** The id of the campaign {@link #resolve} finds. */
    default Long idOf(String idOrCode) {
        return resolve(idOrCode).getId();
    }
}
