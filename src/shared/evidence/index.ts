/**
 * Tamper-evident evidence exports: the bundle format, its canonical JSON and hash chain, the
 * HTML transcript, and the verifier every reader (core, CLI) shares.
 */
export * from './bundle';
export * from './args';
export { canonicalJson } from './canonical';
export { fromBase64, sha256Hex, toBase64 } from './digest';
export { GENESIS_INPUT, sealBundle, verifyBundle, type UnsealedEvidence } from './chain';
export { verifyExportText } from './verifyText';
export { bundleFromHtml, escapeHtml, jsonForScript, renderEvidenceHtml, EVIDENCE_SCRIPT_ID, type EvidenceLang } from './html';
