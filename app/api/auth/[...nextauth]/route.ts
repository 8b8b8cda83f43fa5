import { handlers } from "@/auth";
import { whileDatabaseAnswers } from "@/lib/layout/database-gate";

export const GET = whileDatabaseAnswers(handlers.GET);
export const POST = whileDatabaseAnswers(handlers.POST);
