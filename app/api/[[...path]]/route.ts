import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/server/route";

export const dynamic = "force-dynamic";

// Any other /api path, /api itself included (hence the optional catch-all): a JSON 404, not an HTML page.
const notFound = apiRoute(async ({ request }) => {
  throw ApiError.of("not_found", `No API route ${new URL(request.url).pathname}.`);
});
export { notFound as GET, notFound as POST, notFound as PUT, notFound as DELETE, notFound as PATCH };
