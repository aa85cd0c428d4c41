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
  disableWelcomeMessage: true
};
