// How many exports, and imports (dry runs included), one user runs at once. Each holds its subtree's
// recursive read in memory while it runs, an import also its file (up to 64 MiB): without a bound, one user
// could take the server's memory with a few dozen at once. Past it, 429 too_many_requests with Retry-After.
import "server-only";
import { userSlots } from "@/lib/api/server/user-slots";

const TRANSFERS_PER_USER = 2;

export const exportSlots = () => userSlots("export", "exports", TRANSFERS_PER_USER);
export const importSlots = () => userSlots("import", "imports", TRANSFERS_PER_USER);
