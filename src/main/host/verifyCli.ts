/**
 * `node dist/main/verify.js <export file>` (npm run verify-export -- <file>): checks a Seatdesk
 * evidence export, HTML or JSON, without a server, core or account. Prints OK and the digest, or
 * each problem; exits 0 when the export verifies, 1 when it does not, 2 when it cannot be read.
 */
import { verifyExportFile } from '../core/evidence/verifyFile';

async function main(): Promise<number> {
  const [path, ...rest] = process.argv.slice(2);
  if (!path || rest.length > 0) {
    console.error('usage: verify-export <file.html|file.json>');
    return 2;
  }
  let result;
  try {
    result = await verifyExportFile(path);
  } catch (error) {
    console.error(`cannot verify ${path}: ${(error as Error).message}`);
    return 2;
  }
  if (result.ok) {
    console.log(`OK ${path}\ndigest ${result.digest}`);
    return 0;
  }
  console.log(`FAILED ${path}`);
  for (const problem of result.problems) {
    console.log(`  ${problem.kind}${problem.index === null ? '' : ` at message ${problem.index}`}: ${problem.detail}`);
  }
  return 1;
}

process.exitCode = await main();
