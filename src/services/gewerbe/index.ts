/**
 * The Gewerbeanzeige procedures (GewA1 Anmeldung, GewA2 Ummeldung, GewA3 Abmeldung) as service
 * packages: their definitions (with the shared code lists from `data/` injected), one workflow
 * and one rule set for all three, the Empfangsbescheinigung, the Gewerberegister step, the rule
 * lookups and the XGewerbeanzeige exporter (versioned, `exports/xgewerbeanzeige/v2_2/`). Reference numbers use the code GEW.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadServiceDefinition } from '../../definitions/loader/load-service-definition.js';
import type { ServiceDefinition } from '../../definitions/model/service-definition.js';
import { createServiceRegistry } from '../../definitions/registry/service-registry.js';
import type { ServicePackage } from '../../definitions/service-package.js';
import { loadWorkflowFile } from '../../definitions/workflow/load-workflow.js';
import { loadGewerbeCodeLists, type GewerbeCodeLists } from './code-lists.js';
import { gewerbeFeeNoticeTemplate } from './documents/fee-notice.js';
import { gewerbeReceiptTemplate } from './documents/receipt.js';
import { registerExtractTemplate, registerFactsOf } from './documents/register-extract.js';
import { xgewerbeanzeigeExporter } from './exports/xgewerbeanzeige/exporter.js';
import { updateRegisterStep } from './register/update-register.js';
import { gewerbePreSubmitCheck } from './pre-submit.js';
import { gewerbeLookups, loadGewerbeRuleSet } from './rules/gewerbe-rules.js';
import { fullName, personName, text } from './rules/case-data.js';
import { GEWERBE_SERVICE_IDS } from './service-ids.js';
import { loadGewerbeSettings } from './settings.js';

export { GEWERBE_SERVICE_IDS } from './service-ids.js';

/** Loads a definition file with the shared code lists added to its own. */
export function loadGewerbeDefinition(file: string, codeLists: GewerbeCodeLists): ServiceDefinition {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { codeLists?: Record<string, unknown> };
  return loadServiceDefinition({ ...json, codeLists: { ...codeLists.choices, ...json.codeLists } }, file);
}

/** The three Gewerbe packages; `xsdDir` turns on XSD validation of outgoing XGewerbeanzeige messages. */
export function gewerbePackages(options: { xsdDir?: string | undefined } = {}): ServicePackage[] {
  const codeLists = loadGewerbeCodeLists();
  const exporter = xgewerbeanzeigeExporter({ codeLists, ...(options.xsdDir ? { xsdDir: options.xsdDir } : {}) });
  const workflow = loadWorkflowFile(path.join(import.meta.dirname, 'workflow.json'));
  const ruleSet = loadGewerbeRuleSet(codeLists);
  const definitions = GEWERBE_SERVICE_IDS.map((id) => path.join(import.meta.dirname, 'definitions', `${id}.json`))
    .filter((file) => fs.existsSync(file))
    .map((file) => loadGewerbeDefinition(file, codeLists));
  const registry = createServiceRegistry(definitions);
  return definitions.map(
    (definition): ServicePackage => ({
      id: definition.id,
      referenceCode: 'GEW',
      definitions: [definition],
      workflowFor: () => workflow,
      ruleSetFor: () => ruleSet,
      applicant: (data) => ({ name: fullName(personName(data)) || null, email: text(data, 'email') ?? null }),
      documentTemplates: [gewerbeReceiptTemplate(definition.id, registry), gewerbeFeeNoticeTemplate(), registerExtractTemplate()],
      documentFacts: registerFactsOf,
      tenantSettings: (trx, tenantId) => loadGewerbeSettings(trx, tenantId),
      steps: [updateRegisterStep],
      exporters: [exporter],
      lookups: gewerbeLookups,
      preSubmitCheck: gewerbePreSubmitCheck(definition.id),
    }),
  );
}
