/**
 * The authorization matrix (issue 7): every page, route handler and server action × six actors, and what each actor
 * gets. matrix.spec.ts lists the app's routes from the filesystem and fails when one has no row here (or a row names
 * one that is gone), then walks every cell against the running app.
 *
 * Actors: anonymous (no cookies) · pending (2SV account after the password only) · holder (a fresh US account,
 * 2SV off) · viewer / operator / admin (the demo staff, 2SV on, no fresh step-up).
 */
export const actors = ["anonymous", "pending", "holder", "viewer", "operator", "admin"] as const;
export type Actor = (typeof actors)[number];
type StaffRole = Extract<Actor, "viewer" | "operator" | "admin">;

/**
 * "ok": 200 (a page rendered; an action ran and answered, garbage input with a refusal state) · "sign-in" / "verify":
 * a redirect there · "forbidden": 403 · "not-found": 404 · "redirect:/path[?k=v]": a redirect to that path (with at
 * least those query values) · a number: that HTTP status (route handlers).
 */
export type Outcome = "ok" | "sign-in" | "verify" | "forbidden" | "not-found" | `redirect:/${string}` | number;
export type Cells = Record<Actor, Outcome>;

export interface PageRow { route: string; path: string; cells: Cells }
export interface RouteRow { method: string; route: string; path: string; body?: unknown; cells: Cells }
/** `min`: the lowest actor the action serves; below it the guard must refuse before anything runs. */
export interface ActionRow { id: string; min: Actor; cells: Cells }

export const rank = (actor: Actor) => actors.indexOf(actor);

// --- Cell constructors ---

const everyone = (outcome: Outcome): Cells => ({ anonymous: outcome, pending: outcome, holder: outcome, viewer: outcome, operator: outcome, admin: outcome });
/** Sign-in and sign-up: any session (even one owing its code) is sent on to /account, which sends pending on to /verify. */
const signedOutOnly = (): Cells => ({ ...everyone("redirect:/account"), anonymous: "ok" });
/** requirePendingSecondStep: only a session that passed the password and still owes the code. */
const pendingOnly = (): Cells => ({ ...everyone("redirect:/account"), anonymous: "sign-in", pending: "ok" });
/** requireUser: signed out → sign in, pending → verify; then the holder's and the staff's own outcome. */
const signedIn = (holder: Outcome = "ok", staff: Outcome = holder): Cells => ({ anonymous: "sign-in", pending: "verify", holder, viewer: staff, operator: staff, admin: staff });
/** A sensitive change: nobody here has a fresh step-up for it, so everyone signed in is asked to confirm first. */
const stepUp = (action: string) => signedIn(`redirect:/account/confirm?action=${action}`);
/** requireManage: 2SV off (holder) → the security page; 2SV on (staff) → confirm with a code first. */
const manage = (action: string) => signedIn("redirect:/account/security", `redirect:/account/confirm?action=${action}`);
/** The enable wizard: the holder (US, 2SV offered) gets `holder`; staff already have 2SV → the security page. */
const wizard = (holder: Outcome) => signedIn(holder, "redirect:/account/security");
/** requireStaff(min): signed out → sign in, pending → verify, account holders and lower roles → 403. */
function staff(min: StaffRole, allowed: Outcome = "ok"): Cells {
  const role = (r: StaffRole): Outcome => (rank(r) >= rank(min) ? allowed : "forbidden");
  return { anonymous: "sign-in", pending: "verify", holder: "forbidden", viewer: role("viewer"), operator: role("operator"), admin: role("admin") };
}

const page = (route: string, cells: Cells, path = route): PageRow => ({ route, path, cells });
function route(key: `${string} /${string}`, cells: Cells, sample: { path?: string; body?: unknown } = {}): RouteRow {
  const [method, path] = key.split(" ") as [string, string];
  return { method, route: path, path: sample.path ?? path, body: sample.body, cells };
}
const action = (id: string, min: Actor, cells: Cells): ActionRow => ({ id, min, cells });
const publicAction = (id: string, cells: Cells = everyone("ok")) => action(id, "anonymous", cells);
const userAction = (id: string, cells: Cells = signedIn()) => action(id, "holder", cells);
const staffAction = (id: string, min: StaffRole) => action(id, min, staff(min));

// --- Pages (app/**/page.tsx; dynamic segments filled with a sample) ---

export const pages: PageRow[] = [
  page("/", everyone("ok")),
  page("/availability", everyone("ok")),
  page("/sign-in", signedOutOnly()),
  page("/sign-up", signedOutOnly()),
  // Any session, even one owing its code, may sign out; without one there is nothing to end.
  page("/sign-out", { ...everyone("ok"), anonymous: "sign-in" }),
  // Without a sign-up request's cookie there is no code to ask for: back to the form, which says it expired.
  page("/sign-up/confirm", { ...signedOutOnly(), anonymous: "redirect:/sign-up?expired=1" }),
  page("/verify", pendingOnly()),
  page("/forgot-password", everyone("ok")),
  // Without a recovery attempt cookie: "this attempt has expired, start again".
  page("/forgot-password/verify", everyone("ok")),
  page("/forgot-password/new-password", everyone("redirect:/forgot-password/verify")),
  // Without a valid token: "this link is not valid" (the token alone authorizes the reset).
  page("/reset", everyone("ok")),
  // Open to everyone, but only while a dev transport is configured (the e2e server); 404 with Twilio.
  page("/dev/inbox", everyone("ok")),

  page("/account", signedIn()),
  // The holder has no questions yet: a notice and a link to set them; staff get the code prompt.
  page("/account/confirm", signedIn(), "/account/confirm?action=password&next=%2Faccount%2Fpassword"),
  page("/account/password", stepUp("password")),
  page("/account/profile", signedIn()),
  page("/account/profile/name", stepUp("profile")),
  page("/account/profile/email", stepUp("email")),
  // The link lands here signed in; a wrong token renders "not valid" for the account's owner only.
  page("/account/profile/email/confirm", signedIn(), "/account/profile/email/confirm?token=not-a-token"),
  // Staff (2SV on) get a notice that 2SV replaced the questions; the holder has none yet, so no step-up to set them.
  page("/account/questions", signedIn()),
  // Without 2SV there is no key to replace (a notice); with 2SV a fresh step-up comes first.
  page("/account/recovery-key", signedIn("ok", "redirect:/account/confirm?action=recovery_key")),
  page("/account/security", signedIn()),
  page("/account/security/app-passwords", manage("app_passwords")),
  page("/account/security/authenticator", manage("authenticator")),
  page("/account/security/backup-codes", manage("backup_codes")),
  page("/account/security/devices", manage("devices")),
  page("/account/security/disable", manage("disable_two_step")),
  page("/account/security/passkeys", manage("passkeys")),
  page("/account/security/phones", manage("phones")),
  // The old address: a plain redirect for everyone; the target checks who is asking.
  page("/account/security/recovery-key", everyone("redirect:/account/recovery-key")),
  // Resumes the wizard at its step (explain for everyone here); explain itself sends 2SV accounts away.
  page("/account/security/enable", signedIn("redirect:/account/security/enable/explain")),
  page("/account/security/enable/explain", wizard("ok")),
  // Later steps before the holder confirmed the password on explain: back to explain.
  page("/account/security/enable/phone", wizard("redirect:/account/security/enable/explain")),
  page("/account/security/enable/devices", wizard("redirect:/account/security/enable/explain")),
  page("/account/security/enable/key", wizard("redirect:/account/security/enable/explain")),
  page("/account/security/enable/review", wizard("redirect:/account/security/enable/explain")),

  page("/admin", staff("viewer")),
  page("/admin/audit", staff("viewer")),
  // Confirming a launch or pause is for those who may make one (operators and admins); role changes, admins only.
  page("/admin/confirm", staff("operator"), "/admin/confirm?action=rollout&next=%2Fadmin%2Fwaves"),
  page("/admin/regions", staff("viewer")),
  page("/admin/regions/[code]", staff("viewer"), "/admin/regions/FR"),
  // Viewers may see who has which role; changing roles is admin-only (setStaffRoleAction).
  page("/admin/staff", staff("viewer")),
  page("/admin/waves", staff("viewer")),
  page("/admin/waves/[id]", staff("viewer"), "/admin/waves/1"),
  page("/admin/waves/new", staff("operator")),
  // Wave 1 is complete, so only drafts are editable: operators and admins are sent to the wave's page.
  page("/admin/waves/[id]/edit", staff("operator", "redirect:/admin/waves/1"), "/admin/waves/1/edit"),
];

// --- Route handlers (app/**/route.ts × each exported method) ---

export const routes: RouteRow[] = [
  route("GET /api/health", everyone(200)),
  route("GET /api/availability", everyone(200)),
  // Auth.js: the session endpoint answers everyone (null when signed out); a credentials POST without its CSRF
  // token signs nobody in and is sent to the sign-in page with an error.
  route("GET /api/auth/[...nextauth]", everyone(200), { path: "/api/auth/session" }),
  route("POST /api/auth/[...nextauth]", everyone("redirect:/sign-in?error=MissingCSRF"), { path: "/api/auth/callback/credentials" }),
  // Only the session that asked for a code learns its state; anyone else (and an unknown id) gets 404.
  route("GET /api/challenges/[id]", everyone(404), { path: "/api/challenges/00000000-0000-4000-8000-000000000000" }),
  // Only a fully signed-in session in a trusted browser of the account receives pushed codes.
  route("GET /api/device-prompts", everyone(404)),
  route("POST /api/device-prompts/[id]/deny", everyone(404), { path: "/api/device-prompts/00000000-0000-4000-8000-000000000000/deny" }),
  // What the open dashboard polls: staff only (the demo staff have 2SV on), like the dashboard itself.
  route("GET /api/admin/dashboard-version", { anonymous: 401, pending: 401, holder: 403, viewer: 200, operator: 200, admin: 200 }),
  // The second step of signing in: only a pending session is checked (no code sent here → 400); a full session is
  // told where to go (409), a signed-out browser to sign in (401).
  route("POST /api/verify", { ...everyone(409), anonymous: 401, pending: 400 }),
  // Session cookies never authenticate the API: HTTP Basic only.
  route("GET /api/v1/me", everyone(401)),
  // A step-up challenge needs a full session (pending ones only get sign_in); nobody here has a passkey → 409.
  route("POST /api/webauthn/authenticate", { ...everyone(409), anonymous: 401, pending: 401 }, { body: { purpose: "step_up" } }),
  // Test hooks: only when the e2e server sets STEPWISE_TEST_HOOKS=1 (404 otherwise); never hashes.
  route("GET /api/test/[query]", everyone(200), { path: "/api/test/user?q=nobody%40example.invalid" }),
  route("POST /api/test/[query]", everyone(404), { path: "/api/test/enable-two-step?q=nobody%40example.invalid" }),
];

// --- Server actions ("use server" files under app/: "<file under app/>#<export>"), POSTed with garbage input ---

export const serverActions: ActionRow[] = [
  // Anyone may end their own session (runs last in the spec: it revokes the actor's session).
  publicAction("(account)/account/actions.ts#signOutAction", everyone("redirect:/sign-in?signedOut=1")),
  userAction("(account)/account/actions.ts#revokeDeviceAction"),
  userAction("(account)/account/actions.ts#revokeOtherDevicesAction"),
  userAction("(account)/account/trusted-device-actions.ts#removeTrustedDeviceAction"),
  // Without a valid step-up action name in the form: back to /account.
  userAction("(account)/account/confirm/actions.ts#sendStepUpCodeAction", signedIn("redirect:/account")),
  userAction("(account)/account/confirm/actions.ts#verifyStepUpCodeAction", signedIn("redirect:/account")),
  userAction("(account)/account/confirm/actions.ts#answerStepUpQuestionsAction", signedIn("redirect:/account")),
  userAction("(account)/account/password/actions.ts#changePasswordAction", stepUp("password")),
  userAction("(account)/account/profile/actions.ts#changeNameAction", stepUp("profile")),
  userAction("(account)/account/profile/actions.ts#requestEmailChangeAction", stepUp("email")),
  userAction("(account)/account/profile/actions.ts#confirmEmailChangeAction"),
  userAction("(account)/account/questions/actions.ts#saveQuestionsAction", signedIn("ok", "redirect:/account/security")),
  // Replacing the key: 2SV off → its page (which says there is none); 2SV on → step-up first.
  userAction("(account)/account/recovery-key/actions.ts#createKeyAction", signedIn("redirect:/account/recovery-key", "redirect:/account/confirm?action=recovery_key")),
  userAction("(account)/account/recovery-key/actions.ts#confirmKeyAction", signedIn("redirect:/account/recovery-key", "redirect:/account/confirm?action=recovery_key")),
  userAction("(account)/account/security/app-passwords/actions.ts#createAppPasswordAction", manage("app_passwords")),
  userAction("(account)/account/security/app-passwords/actions.ts#revokeAppPasswordAction", manage("app_passwords")),
  userAction("(account)/account/security/authenticator/actions.ts#startAuthenticatorAction", manage("authenticator")),
  userAction("(account)/account/security/authenticator/actions.ts#confirmAuthenticatorAction", manage("authenticator")),
  userAction("(account)/account/security/authenticator/actions.ts#removeAuthenticatorAction", manage("authenticator")),
  userAction("(account)/account/security/backup-codes/actions.ts#createBackupCodesAction", manage("backup_codes")),
  userAction("(account)/account/security/devices/actions.ts#trustBrowserAction", manage("devices")),
  userAction("(account)/account/security/devices/actions.ts#removeDeviceAction", manage("devices")),
  userAction("(account)/account/security/disable/actions.ts#turnOffAction", manage("disable_two_step")),
  userAction("(account)/account/security/passkeys/actions.ts#startPasskeyRegistrationAction", manage("passkeys")),
  userAction("(account)/account/security/passkeys/actions.ts#finishPasskeyRegistrationAction", manage("passkeys")),
  userAction("(account)/account/security/passkeys/actions.ts#renamePasskeyAction", manage("passkeys")),
  userAction("(account)/account/security/passkeys/actions.ts#removePasskeyAction", manage("passkeys")),
  userAction("(account)/account/security/phones/actions.ts#managePhoneAction", manage("phones")),
  userAction("(account)/account/security/phones/actions.ts#removePhoneAction", manage("phones")),
  // The enable wizard: nobody here is enrolling. The first step refuses with a message; every later one sends the
  // holder back to it (no enrollment proved by this session, enrollment-proof.ts) and staff, who have 2SV on, to the
  // security page (a phone for a 2SV account is added at /account/security/phones, after a step-up).
  userAction("(account)/account/security/enable/actions.ts#startEnrollmentAction"),
  userAction("(account)/account/security/enable/actions.ts#trustThisBrowserAction"),
  ...[
    "enrollPhoneAction",
    "leavePhoneStepAction",
    "leaveDevicesStepAction",
    "createPendingKeyAction",
    "confirmPendingKeyAction",
    "turnOnAction",
    "startWizardAuthenticatorAction",
    "confirmWizardAuthenticatorAction",
    "startWizardPasskeyAction",
    "finishWizardPasskeyAction",
  ].map((name) => userAction(`(account)/account/security/enable/actions.ts#${name}`, wizard("redirect:/account/security/enable/explain"))),

  staffAction("(admin)/admin/regions/actions.ts#setSmsSupport", "operator"),
  staffAction("(admin)/admin/regions/actions.ts#countryPauseAction", "operator"),
  staffAction("(admin)/admin/staff/actions.ts#setStaffRoleAction", "admin"),
  staffAction("(admin)/admin/staff/actions.ts#reviewRoleRequestAction", "admin"),
  staffAction("(admin)/admin/waves/actions.ts#saveWaveAction", "operator"),
  // The minimum depends on the command: approve/reject need an admin; the empty command here, an operator.
  staffAction("(admin)/admin/waves/actions.ts#waveCommandAction", "operator"),
  staffAction("(admin)/admin/waves/actions.ts#guardrailsAction", "admin"),

  // Garbage names no language: nothing is kept, and the switcher sends everyone back (to / without a page to return to).
  publicAction("(public)/language-actions.ts#chooseLanguageAction", everyone("redirect:/")),
  publicAction("(public)/sign-in/actions.ts#signInAction"),
  publicAction("(public)/sign-in/passkey-actions.ts#passkeySignInAction"),
  publicAction("(public)/sign-up/actions.ts#signUpAction"),
  // A signed-in browser already has an account: sent on, as from the sign-up page.
  publicAction("(public)/sign-up/confirm/actions.ts#confirmSignUpAction", signedOutOnly()),
  publicAction("(public)/forgot-password/actions.ts#startRecoveryAction"),
  publicAction("(public)/forgot-password/actions.ts#requestResetLinkAction"),
  // The recovery steps after the first act on the recovery attempt's cookie, not on a session: without one, start again.
  publicAction("(public)/forgot-password/actions.ts#sendRecoveryCodeAction", everyone("redirect:/forgot-password/verify")),
  publicAction("(public)/forgot-password/actions.ts#verifyRecoveryCodeAction", everyone("redirect:/forgot-password/verify")),
  publicAction("(public)/forgot-password/actions.ts#resetWithRecoveryKeyAction", everyone("redirect:/forgot-password/verify")),
  publicAction("(public)/forgot-password/actions.ts#confirmResetKeyAction"),
  publicAction("(public)/reset/actions.ts#resetWithEmailLinkAction"),
  action("(public)/verify/actions.ts#sendSignInCodeAction", "pending", pendingOnly()),
];
