/**
 * The procedure "Verkehrsrechtliche Anordnung" (issue 6) as the platform runs it: one service with
 * the case types HVZ, BAU, HUB, CON and VER chosen on its first page, the workflow with the
 * one-click approval of drafted orders, the HVZ and works rule sets, the order and the special-use
 * permit, the municipality's settings, the pre-submit check of competence and lead time, and what
 * follows the approval (set-up record, extension, end reminder and overrun, completion report).
 */
import path from 'node:path';
import { loadServiceDefinitionFile } from '../../definitions/loader/load-definition-files.js';
import type { ServicePackage } from '../../definitions/service-package.js';
import { createRuleRegistry } from '../../definitions/rules/rule.js';
import { loadRuleSetFile } from '../../definitions/rules/rule-set.js';
import { loadWorkflowFile } from '../../definitions/workflow/load-workflow.js';
import { landFromAgs } from '../../platform/calendar/public-holidays.js';
import type { Trx } from '../../platform/db/database.js';
import { applyExtensionStep, rejectExtensionStep } from './after-approval/extension.js';
import { extensionOrderTemplate } from './after-approval/extension-order-template.js';
import { extensionFacts, listExtensions } from './after-approval/extension-queries.js';
import { flagOverrunStep, queueEndReminderStep } from './after-approval/end-reminder.js';
import { armEndTimersStep } from './after-approval/end-timers.js';
import { afterApprovalStatusSections } from './after-approval/status-section.js';
import { partyConditions } from './consultation/consultation-commands.js';
import { recordFootprintStep } from './footprint-step.js';
import { orderTemplate } from './order-template.js';
import { specialUsePermitStep, specialUsePermitTemplate } from './special-use-permit-template.js';
import { hvzRules } from './rules/hvz-rules.js';
import { trafficRuleLookups } from './rules/rule-lookups.js';
import { worksRules } from './rules/works-rules.js';
import { trafficPreSubmitCheck } from './pre-submit-check.js';
import { loadTrafficArea } from './traffic-area.js';
import { trafficMapArea } from './traffic-map-area.js';
import { loadTrafficSettings, TRAFFIC_SERVICE_ID } from './traffic-settings.js';

const DIR = path.join(import.meta.dirname, 'definitions');

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** The settings guards, rules and the order read: the traffic settings, the Land and the authority role. */
export async function trafficTenantSettings(trx: Trx, tenantId: string): Promise<Record<string, unknown>> {
  const settings = await loadTrafficSettings(trx, tenantId);
  const tenant = await trx.selectFrom('tenants').select('ags').where('id', '=', tenantId).executeTakeFirstOrThrow();
  const area = await loadTrafficArea(trx, tenantId);
  return { ...settings, land: landFromAgs(tenant.ags), authorityRole: area?.authorityRole ?? 'local' };
}

/** Builds the package (definitions and workflow are read and checked once, at start). */
export function trafficOrderPackage(): ServicePackage {
  const workflow = loadWorkflowFile(path.join(DIR, 'workflow.json'));
  const ruleSet = loadRuleSetFile(path.join(DIR, 'rules.json'), createRuleRegistry([...hvzRules, ...worksRules]));
  return {
    id: TRAFFIC_SERVICE_ID,
    referenceCode: 'VRA',
    definitions: [loadServiceDefinitionFile(path.join(DIR, 'verkehrsrechtliche-anordnung.v1.json'))],
    workflowFor: () => workflow,
    ruleSetFor: () => ruleSet,
    applicant(data) {
      const name = (data.name ?? {}) as { given?: unknown; family?: unknown };
      return { name: text(`${text(name.given) ?? ''} ${text(name.family) ?? ''}`), email: text(data.email) };
    },
    documentTemplates: [orderTemplate, specialUsePermitTemplate, extensionOrderTemplate],
    preSubmitCheck: trafficPreSubmitCheck,
    tenantSettings: trafficTenantSettings,
    lookups: trafficRuleLookups,
    mapArea: trafficMapArea,
    steps: [recordFootprintStep, specialUsePermitStep, armEndTimersStep, applyExtensionStep, rejectExtensionStep, queueEndReminderStep, flagOverrunStep],
    async documentFacts(trx, tenantId, caseId) {
      const conditions = await partyConditions(trx, tenantId, caseId);
      const extension = extensionFacts(await listExtensions(trx, tenantId, caseId));
      return { ...(conditions.length > 0 ? { partyConditions: conditions } : {}), ...(extension ? { extension } : {}) };
    },
    statusPage: afterApprovalStatusSections,
  };
}
