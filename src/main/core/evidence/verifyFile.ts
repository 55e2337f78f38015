import { readFile, stat } from 'node:fs/promises';
import { verifyExportText, type VerifyResult } from '../../../shared/evidence';
import { RpcError } from '../../../shared/rpc/errors';

/** Larger than any export the core writes (5,000 conversations with their files). */
const MAX_FILE_BYTES = 1024 * 1024 * 1024;

/** Verifies an export file (HTML or JSON) on disk: used by history.verify and the CLI. */
export async function verifyExportFile(path: string): Promise<VerifyResult> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new RpcError('not_found', `cannot read ${path}`);
  }
  if (size > MAX_FILE_BYTES) throw new RpcError('too_large', `${path} is larger than any Seatdesk export`);
  return verifyExportText(await readFile(path, 'utf8'));
}
