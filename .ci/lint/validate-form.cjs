#!/usr/bin/env node
// Validate Camunda Forms (.form) for the form-js embedded in Camunda 7.24 Tasklist
// (@bpmn-io/form-js 1.8.7 => @bpmn-io/form-js-viewer 1.8.7, schemaVersion 16).
// Usage: node validate-form.cjs forms/*.form     (exit 1 if any form has an error)
'use strict';
const fs = require('fs');
const { JSDOM } = require('jsdom');

// form-js-viewer touches DOM globals at require time (e.g. new KeyboardEvent) and on render
const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
for (const k of ['window', 'document', 'navigator', 'Node', 'Element', 'HTMLElement', 'Event',
  'CustomEvent', 'KeyboardEvent', 'MouseEvent', 'DOMParser', 'getComputedStyle', 'MutationObserver',
  'requestAnimationFrame', 'cancelAnimationFrame', 'HTMLInputElement', 'SVGElement']) {
  if (globalThis[k] === undefined) {
    Object.defineProperty(globalThis, k, { value: dom.window[k], configurable: true, writable: true });
  }
}
const { Form, schemaVersion: MAX_SCHEMA_VERSION } = require('@bpmn-io/form-js-viewer');

function walk(node, fn, path = '') {
  fn(node, path);
  (node.components || []).forEach((c, i) => walk(c, fn, `${path}/components[${i}](${c.id || c.key || c.type})`));
}

async function validateFile(file, lintExpression) {
  const errors = [], warnings = [];
  let schema;
  try { schema = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { return { errors: [`invalid JSON: ${e.message}`], warnings }; }

  // 1. top-level shape (form-js does not check these itself)
  if (schema.type !== 'default') errors.push(`top-level "type" must be "default" (got ${JSON.stringify(schema.type)})`);
  if (!Array.isArray(schema.components)) errors.push('top-level "components" must be an array');
  if (typeof schema.id !== 'string' || !schema.id) errors.push('top-level "id" is missing');
  if (!Number.isInteger(schema.schemaVersion) || schema.schemaVersion > MAX_SCHEMA_VERSION) {
    errors.push(`schemaVersion ${JSON.stringify(schema.schemaVersion)} not supported (form-js 1.8.7 max is ${MAX_SCHEMA_VERSION})`);
  }
  if (schema.executionPlatform !== 'Camunda Platform') errors.push(`executionPlatform must be "Camunda Platform" (got ${JSON.stringify(schema.executionPlatform)})`);
  if (errors.length) return { errors, warnings };

  // 2. real import with the embedded form-js: unknown types, duplicate ids, duplicate keys/paths
  const container = document.createElement('div');
  document.body.appendChild(container);
  const form = new Form({ container });
  try {
    await form.importSchema(schema, {});
    const formFields = form.get('formFields');
    walk(schema, (c, path) => {
      if (c === schema) return;
      const def = formFields.get(c.type);
      if (def && def.config.keyed && !c.key) errors.push(`${path}: keyed field has no "key" (form-js would invent a random variable name)`);
      if (c.validate && typeof c.validate.required === 'string') {
        errors.push(`${path}: validate.required must be a boolean; a FEEL string is NOT evaluated in form-js 1.8.7 and is always truthy (field always required)`);
      }
      if (c.type === 'button') warnings.push(`${path}: a button inside the form; in Tasklist a submit button completes the task (Tasklist has its own Complete button)`);
      if (c.disabled) warnings.push(`${path}: disabled fields are NOT submitted; use "readonly": true to display a value`);
    });
  } catch (e) {
    errors.push(`form-js import error: ${e.message}`);
  } finally {
    form.destroy();
    container.remove();
  }

  // 3. FEEL syntax of every "=..." string anywhere in the schema (conditional.hide, readonly, label, text, ...)
  const visit = (v, path) => {
    if (typeof v === 'string') {
      if (v.startsWith('=')) {
        const syntax = lintExpression(v.substring(1)).filter(p => p.type === 'Syntax Error');
        if (syntax.length) errors.push(`${path}: invalid FEEL ${JSON.stringify(v)}: ${syntax[0].message}`);
      }
    } else if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => visit(x, `${path}.${k}`));
  };
  visit(schema.components, 'components');
  return { errors, warnings };
}

(async () => {
  const { lintExpression } = await import('@bpmn-io/feel-lint');
  const files = process.argv.slice(2);
  if (!files.length) { console.error('usage: node validate-form.cjs FILE.form...'); process.exit(2); }
  let failed = 0;
  for (const f of files) {
    const { errors, warnings } = await validateFile(f, lintExpression);
    console.log(`${errors.length ? 'FAIL' : 'ok  '} ${f}`);
    errors.forEach(p => console.log(`  error: ${p}`));
    warnings.forEach(p => console.log(`  warn:  ${p}`));
    if (errors.length) failed++;
  }
  console.log(`${files.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
