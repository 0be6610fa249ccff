import type { IncomingMessage, ServerResponse } from "node:http";

export function rejectReason(method: string, url: string | undefined): { status: number; message: string } | null;
export function errorBody(error: { status: number; message: string; code?: string }): string;
export function guardResponse(req: IncomingMessage, res: ServerResponse): void;
