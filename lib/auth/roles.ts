import type { Role } from "@/db/schema";

const staffRank: Record<Role, number> = { user: 0, viewer: 1, operator: 2, admin: 3 };

/** Pure: viewer reads; operator also plans, requests and pauses; admin also approves and manages staff and policy. */
export const hasRole = (role: Role, minimum: Role) => staffRank[role] >= staffRank[minimum];
export const isStaff = (role: Role) => staffRank[role] > 0;
