export const roleText = { user: "No staff role", viewer: "Viewer", operator: "Operator", admin: "Admin" } as const;
