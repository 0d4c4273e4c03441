/**
 * The signed-in staff member as request handlers see it: who they are, and their role in each
 * municipality. Authorization policies ask `roleIn(tenantId)`; a member of another municipality
 * gets `null` and the route answers 404, so existence does not leak.
 */
import type { StaffRole } from '../db/schema.js';
import type { Translate } from '../i18n/i18n.js';

export interface Membership {
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  role: StaffRole;
}

export class StaffPrincipal {
  constructor(
    readonly userId: string,
    readonly email: string,
    readonly displayName: string,
    readonly isOperator: boolean,
    readonly memberships: readonly Membership[],
    /** SHA-256 of the session token, hex; binds CSRF tokens to the session. */
    readonly sessionId: string,
  ) {}

  /** The role in a municipality, or null when the person does not work for it. */
  roleIn(tenantId: string): StaffRole | null {
    return this.memberships.find((m) => m.tenantId === tenantId)?.role ?? null;
  }

  /**
   * Label of the role in this municipality, in the request's language. Outside a municipality
   * (or in one the person has no role in): "operator" for the operator, the one role of someone
   * with one membership, and "several municipalities" rather than a role held in only one.
   */
  roleLabel(t: Translate, tenantId?: string): string {
    const role = tenantId ? this.roleIn(tenantId) : null;
    if (role) return t(`auth.role.${role}`);
    if (this.isOperator) return t('auth.role.operator');
    const only = this.memberships.length === 1 ? this.memberships[0] : undefined;
    if (only) return t(`auth.role.${only.role}`);
    return this.memberships.length > 1 ? t('auth.role.several') : '';
  }
}
