package fr.certiflow.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's login and logout, on the Camunda webapps' session: logging in here logs into Tasklist too, as
 * Camunda's own login does (the password checked by the identity service, with its login throttling; the session id
 * renewed; the user's groups and applications cached in the session); logging out ends both.
 */
@Controller
class ConsoleLoginController {

    static final String HOME = "/certiflow/campagnes";

    private final ProcessEngine engine;
    private final IdentityService identity;

    ConsoleLoginController(ProcessEngine engine) {
        this.engine = engine;
        this.identity = engine.getIdentityService();
    }

    @GetMapping(ConsoleSecurity.LOGIN)
    String loginPage(HttpServletRequest request) {
        return new WebappSessions(engine.getName()).user(request).isPresent() ? "redirect:" + HOME : "console/login";
    }

    @PostMapping(ConsoleSecurity.LOGIN)
    String login(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
            HttpServletRequest request, Model model) {
        identity.clearAuthentication();
        if (username.isBlank() || !identity.checkPassword(username, password)) {
            model.addAttribute("username", username);
            model.addAttribute("error", "Identifiant ou mot de passe incorrect (après plusieurs erreurs, le compte est "
                    + "bloqué quelques secondes à quelques minutes).");
            return "console/login";
        }
        UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, username);
        authentication.setCacheValidationTime(ServletContextUtil.getAuthCacheValidationTime(request.getServletContext()));
        AuthenticationUtil.revalidateSession(request, authentication);
        return "redirect:" + HOME;
    }

    @PostMapping("/certiflow/deconnexion")
    String logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:" + ConsoleSecurity.LOGIN;
    }
}
