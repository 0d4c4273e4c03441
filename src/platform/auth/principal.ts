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

  /** Label of the role in this municipality (or "operator"), in the request's language. */
  roleLabel(t: Translate, tenantId?: string): string {
    const role = tenantId ? this.roleIn(tenantId) : (this.memberships[0]?.role ?? null);
    if (role) return t(`auth.role.${role}`);
    return this.isOperator ? t('auth.role.operator') : '';
  }
}
