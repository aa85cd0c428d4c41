// Certiflow's settings of Camunda Tasklist: replaces the webjar's config.js (see README, « French webapps »).
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
  // Hides « Démarrer un processus » from users who may start no process (scripts/certiflow-tasklist.js).
  customScripts: ['scripts/certiflow-tasklist'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'prend en charge la tâche affichée'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'va au premier filtre de la liste'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'va à la première tâche de la liste'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'va au premier champ du formulaire de la tâche'
    }
  }
};
