// Certiflow's settings of Camunda Welcome: replaces the webjar's config.js (see README, « French webapps »).
export default {
  // Certiflow's own French translation (locales/fr.json) for every browser, whatever its language.
  locales: {
    availableLocales: ['fr'],
    fallbackLocale: 'fr'
  },
  // Dates as 5 mars 2027 à 14:30, in the browser's time zone (Europe/Paris for French users).
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  disableWelcomeMessage: true,
  // The coordinator's console, on the same session: campaigns, imports, launch, progress, hand-ins.
  links: [
    {
      label: 'Console Certiflow',
      href: '/certiflow/campagnes',
      description: 'Campagnes : import de la cohorte et du jury, lancement, avancement, dépôt des productions'
    }
  ]
};
