package fr.certiflow.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link MailDispatcher#poll()} on Spring's scheduler, one poll at a time per node. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailScheduling {
}
