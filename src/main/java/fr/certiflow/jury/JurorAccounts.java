package fr.certiflow.jury;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.identity.Groups;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Camunda accounts a jury pool names. Accounts belong to the administrator: an import creates jurors (group
 * jurors only, recorded in {@link ImportedAccount}), and later changes the name and e-mail of an account only while
 * it is one it created and still a plain juror. It never grants another group, and never touches an account of a
 * coordinator, manager or administrator.
 */
@Component
class JurorAccounts {

    /** Groups whose members a jury pool may not name: their accounts carry rights an import must not reach. */
    static final List<String> PRIVILEGED = List.of(Groups.ADMINS, Groups.CAMUNDA_ADMIN, Groups.COORDINATORS,
            Groups.MANAGERS);

    private static final Logger log = LoggerFactory.getLogger(JurorAccounts.class);

    private final IdentityService identity;
    private final ImportedAccountRepository imported;
    private final Clock clock;

    JurorAccounts(IdentityService identity, ImportedAccountRepository imported, Clock clock) {
        this.identity = identity;
        this.imported = imported;
        this.clock = clock;
    }

    /** What an account is to an import. */
    enum Kind {
        /** No account has this id: the import creates a juror. */
        NEW,
        /** A coordinator's, manager's or administrator's account. */
        PRIVILEGED,
        /** A jury president, made one by an administrator. */
        PRESIDENT,
        /** A member of jurors (and of no group above). */
        JUROR,
        /** An account in none of Certiflow's groups. */
        OUTSIDER
    }

    /**
     * @param group for {@link Kind#PRIVILEGED}, the group that makes it so
     * @param updatable the import may change its name and e-mail: an import created it and it is a plain juror
     */
    record Account(String userId, Kind kind, String group, boolean updatable) {
    }

    Account of(String userId) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            return new Account(userId, Kind.NEW, null, false);
        }
        Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .collect(Collectors.toSet());
        Optional<String> privileged = PRIVILEGED.stream().filter(groups::contains).findFirst();
        if (privileged.isPresent()) {
            return new Account(userId, Kind.PRIVILEGED, privileged.get(), false);
        }
        if (groups.contains(Groups.JURY_PRESIDENTS)) {
            return new Account(userId, Kind.PRESIDENT, null, false);
        }
        if (groups.contains(Groups.JURORS)) {
            boolean plain = groups.equals(Set.of(Groups.JURORS));
            return new Account(userId, Kind.JUROR, null, plain && imported.existsById(userId));
        }
        return new Account(userId, Kind.OUTSIDER, null, false);
    }

    /**
     * Creates a juror's account with a random password (an administrator sets a real one in Camunda Admin, or the
     * identity provider owns it), in group jurors only.
     */
    void create(String userId, String name, String email, Campaign campaign, String importedBy) {
        User user = identity.newUser(userId);
        user.setPassword(UUID.randomUUID().toString());
        setNameAndEmail(user, name, email);
        identity.saveUser(user);
        identity.createMembership(userId, Groups.JURORS);
        ImportedAccount record = imported.findById(userId).orElse(null);
        if (record == null) {
            imported.save(new ImportedAccount(userId, campaign.getId(), importedBy, clock.instant()));
        } else {
            record.recreated(campaign.getId(), importedBy, clock.instant());
        }
        log.info("Jury pool import of campaign {} by {}: created account {} in group {}", campaign.getCode(),
                importedBy, userId, Groups.JURORS);
    }

    /** Changes the name and e-mail of an {@link Account#updatable() updatable} account when the file's differ. */
    void update(String userId, String name, String email, Campaign campaign, String importedBy) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        String firstName = user.getFirstName();
        String lastName = user.getLastName();
        String previousEmail = user.getEmail();
        setNameAndEmail(user, name, email);
        if (!Objects.equals(firstName, user.getFirstName()) || !Objects.equals(lastName, user.getLastName())
                || !Objects.equals(previousEmail, user.getEmail())) {
            identity.saveUser(user);
            log.info("Jury pool import of campaign {} by {}: updated the name and e-mail of account {}, which an "
                    + "import created", campaign.getCode(), importedBy, userId);
        }
    }

    private static void setNameAndEmail(User user, String name, String email) {
        String[] parts = name.strip().split("\\s+", 2);
        user.setFirstName(parts[0]);
        user.setLastName(parts.length > 1 ? parts[1] : "");
        user.setEmail(email);
    }
}
