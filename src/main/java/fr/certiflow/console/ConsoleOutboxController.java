package fr.certiflow.console;

import fr.certiflow.notification.NotificationStatus;
import fr.certiflow.notification.OutboxOperations;
import java.util.EnumSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The mails parked as failed and the candidates without an address, for operators; a failed mail sent again. */
@Controller
class ConsoleOutboxController {

    private final OutboxOperations outbox;

    ConsoleOutboxController(OutboxOperations outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/certiflow/courriels")
    String list(Model model) {
        model.addAttribute("outbox", outbox.list(EnumSet.of(NotificationStatus.FAILED, NotificationStatus.NO_ADDRESS)));
        model.addAttribute("labels", java.util.Arrays.stream(NotificationStatus.values())
                .collect(java.util.stream.Collectors.toMap(Enum::name, OutboxOperations::label)));
        return "console/outbox";
    }

    @PostMapping("/certiflow/courriels/{id}/renvoi")
    String resend(@PathVariable Long id, RedirectAttributes redirect) {
        OutboxOperations.NotificationView mail = outbox.resend(id);
        redirect.addFlashAttribute("message", "Le message n° " + id + " (« " + mail.subject() + " ») repart : il sera envoyé "
                + "au prochain passage de la file.");
        return "redirect:/certiflow/courriels";
    }
}
