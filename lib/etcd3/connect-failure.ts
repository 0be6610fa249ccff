// Plain words for why a connection to etcd failed, TLS above all (§1.5), from the connection error grpc-js keeps
// (lastConnectError in channels.ts). OpenSSL's text is long, has file paths and a timestamp, and says
// "sslv3 alert bad certificate" when etcd refused the client's certificate.
import "server-only";

/**
 * The reason in plain words, with OpenSSL's short reason kept in brackets; `tls` false when the failure
 * is not about TLS (e.g. "connect ECONNREFUSED": the member is down), so no certificate hint misleads.
 */
export function connectFailureReason(raw: string | undefined): { tls: boolean; reason: string } {
  const short = raw
    ?.split("\n")[0]!
    .replace(/\s*\(\d{4}-\d\d-\d\dT[^)]*\).*$/, "")
    .replace(/\.? Resolution note:.*$/, "")
    .replace(/^[0-9A-F]+:error:[0-9A-F]+:SSL routines:[^:]*:/, "")
    .replace(/:\.\.\/deps\/openssl\/.*$/, "")
    .trim();
  if (!short) return { tls: false, reason: "no reason given" };
  if (/bad certificate|certificate required|unknown ca|alert number 4[2-9]/i.test(short)) {
    return { tls: true, reason: `etcd refused the client certificate: none was given, or it is not signed by a CA etcd trusts (${short})` };
  }
  if (/altname|does not match|ERR_TLS_CERT_ALTNAME/i.test(short)) {
    return { tls: true, reason: `etcd's server certificate does not name this endpoint's host (${short})` };
  }
  if (/verify|self[- ]signed|issuer|expired|not yet valid/i.test(short)) {
    return { tls: true, reason: `etcd's server certificate cannot be verified with the configured CA (${short})` };
  }
  return { tls: /SSL|TLS|handshake|certificate/i.test(short), reason: short };
}
