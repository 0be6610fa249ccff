// What a failed attempt on one endpoint means: whether the request may have reached etcd (then a write
// is of unknown outcome and is not sent again elsewhere), and the EtcdError a caller gets when no
// endpoint answered. Any etcd client that fails over between members needs these answers, whatever
// its wire.
import "server-only";
import { EtcdError } from "./errors";

export type AttemptFailure = "refused" | "reset" | "timeout" | "too-large" | "aborted";

/** Why an attempt failed, and whether the request may have reached etcd. */
export class AttemptError extends Error {
  constructor(
    message: string,
    readonly sent: boolean,
    readonly code: AttemptFailure,
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}

const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"]);
/**
 * A certificate refused by either side fails the TLS handshake, so etcd never saw the request: OpenSSL's
 * verification result (UNABLE_TO_VERIFY_LEAF_SIGNATURE, CERT_HAS_EXPIRED …), Node's host name check, or
 * the alert etcd sent about our client certificate (ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE …).
 */
const TLS_HANDSHAKE_REFUSED =
  /^(UNABLE_TO_\w+|\w*SELF_SIGNED_CERT\w*|CERT_\w+|HOSTNAME_MISMATCH|ERR_TLS_CERT_ALTNAME_INVALID|ERR_SSL_WRONG_VERSION_NUMBER|ERR_SSL_(SSLV3|TLSV1|TLSV13)_ALERT_(BAD_CERTIFICATE|UNSUPPORTED_CERTIFICATE|CERTIFICATE_\w+|UNKNOWN_CA|HANDSHAKE_FAILURE|PROTOCOL_VERSION))$/;

/** A socket error's verdict: sent (it may have reached etcd) or refused (it certainly did not). */
export function socketFailure(endpoint: string, error: NodeJS.ErrnoException): AttemptError {
  const code = error.code ?? "";
  const sent = !NOT_SENT_CODES.has(code) && !TLS_HANDSHAKE_REFUSED.test(code);
  return new AttemptError(`${endpoint}: ${error.code ?? error.message}`, sent, sent ? "reset" : "refused", error);
}

/** A request that is not safe to repeat broke after it was sent: a write's outcome is unknown. */
export function failedAfterSending(error: AttemptError, method: string, write: boolean): EtcdError {
  const kind = error.code === "timeout" ? "timeout" : "unavailable";
  const what = error.code === "timeout" ? "etcd did not answer in time" : "the connection to etcd broke";
  const failure = new EtcdError(kind, `${what} after the ${method} was sent.`, { retryable: true, cause: error });
  return write ? failure.asOutcomeUnknown() : failure;
}

/** Every endpoint was tried and none answered; `lastError` is the last attempt's failure. */
export function noEndpointAnswered(lastError: AttemptError | undefined, write: boolean, deadlineMs: number): EtcdError {
  if (lastError?.code === "timeout") {
    return new EtcdError("timeout", `etcd did not answer in time (${deadlineMs} ms).`, {
      retryable: true,
      outcomeUnknown: write && lastError.sent,
      cause: lastError,
    });
  }
  const detail = lastError ? ` Last failure: ${lastError.message}.` : "";
  const cause = lastError?.cause as NodeJS.ErrnoException | undefined;
  const tlsHint = TLS_HANDSHAKE_REFUSED.test(cause?.code ?? "")
    ? " The TLS handshake failed: check the cluster's CA file and client certificate."
    : "";
  return new EtcdError("unavailable", `etcd cannot be reached: no endpoint of this cluster answered.${detail}${tlsHint}`, {
    retryable: true,
    cause: lastError,
    outcomeUnknown: write && lastError?.sent === true,
  });
}
