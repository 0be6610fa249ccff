// Plain words for why a TLS connection to etcd failed (§1.5), from the connection error grpc-js keeps
// (lastConnectError in channels.ts): OpenSSL's text is long, has file paths and a timestamp, and says
// "sslv3 alert bad certificate" when etcd refused the client's certificate.

/** The reason in plain words, with OpenSSL's short reason kept in brackets. */
export function tlsFailureReason(raw: string | undefined): string {
  const short = raw
    ?.split("\n")[0]!
    .replace(/\s*\(\d{4}-\d\d-\d\dT[^)]*\).*$/, "")
    .replace(/\.? Resolution note:.*$/, "")
    .replace(/^[0-9A-F]+:error:[0-9A-F]+:SSL routines:[^:]*:/, "")
    .replace(/:\.\.\/deps\/openssl\/.*$/, "")
    .trim();
  if (!short) return "the TLS handshake failed";
  if (/bad certificate|certificate required|unknown ca|alert number 4[2-9]/i.test(short)) {
    return `etcd refused the client certificate: none was given, or it is not signed by a CA etcd trusts (${short})`;
  }
  if (/altname|does not match|ERR_TLS_CERT_ALTNAME/i.test(short)) {
    return `etcd's server certificate does not name this endpoint's host (${short})`;
  }
  if (/verify|self[- ]signed|issuer|expired|not yet valid/i.test(short)) {
    return `etcd's server certificate cannot be verified with the configured CA (${short})`;
  }
  return short;
}
