import {
  checkInspectionReadyToSeal,
  inspectionScoringCatalog,
  sheetDisplayName,
  unsavedSheets,
  type InspectionJSON,
} from '@anguan/model';
import { AppError } from '../http/errors.js';
import { InvalidInspectionError, materializeInspectionRows, type RegistryFacts } from './materialize.js';

/** Readiness codes the seal answer names itself (the web maps them to the field to fix); others are `not_ready`. */
const OWN_CODES = new Set(['comment_required', 'unsaved_sheets']);

/**
 * Refuses to seal an inspection that is not ready (422 with every issue, the first in `message`) or whose final
 * state the engine cannot score (422 `invalid_content`): the server scores what it seals, never the client.
 */
export function assertSealable(json: InspectionJSON, registry: RegistryFacts, now: Date): void {
  const issues = checkInspectionReadyToSeal(json);
  const first = issues[0];
  if (first) {
    const code = OWN_CODES.has(first.code) ? first.code : 'not_ready';
    throw new AppError(422, code, first.message, { issues, sheets: unsavedSheetList(json) });
  }
  try {
    materializeInspectionRows(json, registry, now);
  } catch (error) {
    if (!(error instanceof InvalidInspectionError)) throw error;
    throw new AppError(422, 'invalid_content', error.message, { issues: error.issues });
  }
}

function unsavedSheetList(json: InspectionJSON) {
  let catalog = null;
  try {
    catalog = json.meta && inspectionScoringCatalog(json.meta);
  } catch {
    // An unknown version is reported by the scoring check; names fall back to table ids.
  }
  return unsavedSheets(json).map((s) => ({
    sheetId: s.sheetId,
    tableId: s.tableId,
    name: sheetDisplayName(s, catalog),
  }));
}
