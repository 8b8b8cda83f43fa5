import { handlers } from "@/auth";
import { apiRoute } from "@/lib/layout/api-route";

export const GET = apiRoute(handlers.GET);
export const POST = apiRoute(handlers.POST);
