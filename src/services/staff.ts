// Staff records for the API and the leader dashboard alike: reading them, checking a staff CSV against a setting's
// list, and importing its rows (all or nothing).
import { isUniqueViolation } from '../repos/database.js';
import type { Org } from '../repos/orgs.js';
import { allStaffUnder, existingEmails, getStaff, getStaffByUser, newStaffBatch, type Staff } from '../repos/staff.js';
import type { Deps } from './deps.js';
import { readStaffCsv, type StaffCsvReport } from './staff-import.js';

/** The staff record `id`, or null. */
export function staffById(deps: Deps, id: string): Promise<Staff | null> {
  return getStaff(deps.database.db, id);
}

/** The staff record linked to account `userId`, or null (panel members and admins have none). */
export function staffOfUser(deps: Deps, userId: string): Promise<Staff | null> {
  return getStaffByUser(deps.database.db, userId);
}

/** The staff record `id` when it belongs to `setting`; null otherwise. */
export async function staffOfSetting(deps: Deps, setting: Org, id: string): Promise<Staff | null> {
  const staff = await getStaff(deps.database.db, id);
  return staff?.settingId === setting.id ? staff : null;
}

/** Every member of staff of `orgId` (a setting, or every setting of a trust). */
export function staffUnder(deps: Deps, orgId: string): Promise<Staff[]> {
  return allStaffUnder(deps.database.db, orgId);
}

/** Checks a staff CSV for `setting`: every row, with the setting's phase as default and its list for duplicates. */
export function checkStaffCsv(deps: Deps, setting: Org, text: string): Promise<StaffCsvReport> {
  return readStaffCsv(text, setting.phase, (emails) => existingEmails(deps.database.db, setting.id, emails));
}

/**
 * Adds the checked rows of `report` (which has no errors) to `setting`'s staff in one write; `email-taken` when
 * someone added one of the emails meanwhile, and then nothing is added.
 */
export async function importStaff(deps: Deps, setting: Org, report: StaffCsvReport): Promise<{ ok: true; created: Staff[] } | { ok: false; reason: 'email-taken' }> {
  const batch = newStaffBatch(deps.database.db, setting.id, report.staff, deps.now());
  try {
    await deps.database.atomic(batch.queries);
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    return { ok: false, reason: 'email-taken' };
  }
  return { ok: true, created: batch.staff };
}
