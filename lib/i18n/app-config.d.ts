// Types use-intl's t() and formatters with our catalogue and locales: a key that does not exist in the English
// catalogue, or a missing argument, fails the type check.
import type { Locale } from "./locales";
import type { Messages } from "./messages";

declare module "use-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
