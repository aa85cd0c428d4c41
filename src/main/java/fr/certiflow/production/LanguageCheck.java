package fr.certiflow.production;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The process step that checks the language of the documents required in one ({@link LanguageChecks}). */
@Component("languageCheck")
public class LanguageCheck {

    private final ProductionContexts contexts;
    private final LanguageChecks checks;

    LanguageCheck(ProductionContexts contexts, LanguageChecks checks) {
        this.contexts = contexts;
        this.checks = checks;
    }

    public void check(DelegateExecution execution) {
        checks.detect(contexts.of(execution));
    }
}
