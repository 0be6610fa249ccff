export function rejectReason(method: string, url: string | undefined): { status: number; message: string } | null;
