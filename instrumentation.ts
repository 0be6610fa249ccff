// Validates the configuration when the server starts, so a mistake is reported at once, in plain words,
// rather than on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateConfigurationOrExit } = await import("./lib/startup");
    validateConfigurationOrExit();
  }
}
