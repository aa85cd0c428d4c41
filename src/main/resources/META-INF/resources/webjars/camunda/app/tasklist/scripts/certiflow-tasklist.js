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

// The forms' own checks (form-js 1.8.7, embedded in Tasklist) speak English and do not name the field: each message is
// put in French with the field's label, and after « Terminer » the first field to correct is brought into view.
const FORM_MESSAGES = [
  [/^Field is required\.$/, () => 'Ce champ est obligatoire'],
  [/^Field must match pattern .*\.$/, () => "Ce champ n'a pas le format attendu (voir l'aide sous le champ)"],
  [/^Field must have minimum length of (\d+)\.$/, n => n === '1' ? 'Ce champ ne peut pas être vide' : 'Au moins ' + n + ' caractères'],
  [/^Field must have maximum length of (\d+)\.$/, n => 'Au plus ' + n + ' caractères'],
  [/^Field must have minimum value of (.+)\.$/, n => 'Valeur minimale : ' + n],
  [/^Field must have maximum value of (.+)\.$/, n => 'Valeur maximale : ' + n],
  [/^Field must be a valid email\.$/, () => 'Adresse électronique invalide'],
  [/^Value is not a number\.$/, () => "Ce n'est pas un nombre"]
];

function label(error) {
  const field = error.closest('.fjs-form-field');
  const text = field && field.querySelector('.fjs-form-field-label');
  return text ? text.textContent.replace(/\*\s*$/, '').trim() : '';
}

function frenchFormErrors() {
  document.querySelectorAll('.fjs-form-field-error li').forEach(item => {
    // The text node itself is changed, not replaced: form-js keeps it and writes its next message into it.
    const node = item.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) {
      return;
    }
    const english = node.data.trim();
    for (const [pattern, french] of FORM_MESSAGES) {
      const match = english.match(pattern);
      if (match) {
        const name = label(item);
        node.data = french(match[1]) + (name ? ' : « ' + name + ' ».' : '.');
        break;
      }
    }
  });
}

let completing = false;
document.addEventListener('click', event => {
  const button = event.target.closest && event.target.closest('button');
  completing = !!button && button.textContent.trim() === 'Terminer';
  if (completing) {
    // Only the errors this click shows: a refusal by Certiflow shows none, and later typing must not scroll.
    setTimeout(() => completing = false, 2000);
  }
}, true);

new MutationObserver(() => {
  frenchFormErrors();
  if (completing) {
    const first = document.querySelector('.fjs-form-field-error li');
    if (first) {
      completing = false;
      first.closest('.fjs-form-field').scrollIntoView({block: 'center'});
    }
  }
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
