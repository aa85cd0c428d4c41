// Certiflow's touch to Tasklist, loaded by config.js (customScripts): « Démarrer un processus » is shown only to a user
// who may start at least one process from Tasklist (a coordinator starts « Campagne de certification »); a juror or a
// jury president, who may start none, would otherwise get an empty dialog. The engine decides who may start what
// (CREATE_INSTANCE authorizations): this only asks it, with the same query as Tasklist's own dialog.
const appRoot = document.querySelector('base').getAttribute('app-root');
const engine = window.location.pathname.split('/').filter(Boolean).slice(-1)[0] || 'default';
const startable = appRoot + '/api/engine/engine/' + encodeURIComponent(engine) + '/process-definition/count'
  + '?latestVersion=true&active=true&startableInTasklist=true&startablePermissionCheck=true';

async function hideWhenNothingToStart(item) {
  item.classList.add('certiflow-checking');
  try {
    const response = await fetch(startable, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    const answer = response.ok ? await response.json() : {count: 0};
    item.classList.toggle('certiflow-nothing-to-start', answer.count === 0);
  } finally {
    item.classList.remove('certiflow-checking');
  }
}

const seen = new WeakSet();
new MutationObserver(() => {
  document.querySelectorAll('li.start-process-action').forEach(item => {
    if (!seen.has(item)) {
      seen.add(item);
      hideWhenNothingToStart(item);
    }
  });
}).observe(document.documentElement, {childList: true, subtree: true});
