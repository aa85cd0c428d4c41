package fr.certiflow.jury;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ImportedAccountRepository extends JpaRepository<ImportedAccount, String> {
}
