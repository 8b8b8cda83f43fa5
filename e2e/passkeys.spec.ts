import { generateKeyPairSync, randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { afterPasswordSubmit, formAlerts, hook, signOut, strongPassword, submitSignIn } from "./helpers";
import { sendCode, signUpWithTwoStep } from "./recovery/helpers";
import { expectAccessible } from "./accessibility";

interface DbPasskey {
  id: string;
  name: string;
  counter: number;
  lastUsedAt: string | null;
  deviceType: "singleDevice" | "multiDevice";
}

const dbPasskeys = (request: APIRequestContext, email: string) => hook<DbPasskey[]>(request, "passkeys", email);
const dbSessionLevels = (request: APIRequestContext, email: string) => hook<{ aal: number; upgradedFrom: string | null; revokedAt: string | null }[]>(request, "session-levels", email);

/** Chromium's virtual authenticator, like a laptop's built-in one: holds passkeys, verifies the user (always yes). */
async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  return { cdp, authenticatorId };
}

test("passkeys: added after a texted step-up, renamed, used to sign in without a password, then removed", async ({ page, request }) => {
  test.setTimeout(180_000);
  const { email, phone } = await signUpWithTwoStep(page, "Paula Passkey");
  const { cdp, authenticatorId } = await virtualAuthenticator(page);

  // Changing passkeys is a sensitive change: a texted code first.
  await page.goto("/account/security/passkeys");
  await expect(page).toHaveURL(/\/account\/confirm\?action=passkeys/);
  await page.getByLabel("Verification code").fill(await sendCode(page, phone.e164));
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(page).toHaveURL(/\/account\/security\/passkeys$/);
  await expect(page.getByRole("heading", { level: 1, name: "Passkeys and security keys" })).toBeVisible();
  await expect(page.getByText("You have no passkeys yet.")).toBeVisible();
  await expectAccessible(page);

  // The name field suggests this browser; the person names it themselves.
  const name = page.getByLabel("Name", { exact: true });
  await expect(name).toHaveValue("Chrome on Windows"); // the "Desktop Chrome" device's user agent
  await name.fill("  Work laptop ");
  await page.getByRole("button", { name: "Add passkey" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Work laptop was added." })).toBeVisible();
  const list = page.getByRole("list", { name: "Your passkeys" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("Work laptop");
  await expect(list).toContainText("Security key or device-bound passkey");
  await expect(list).toContainText(/Added .* · not used yet/);
  const [added] = await dbPasskeys(request, email);
  expect(added).toMatchObject({ name: "Work laptop", lastUsedAt: null, deviceType: "singleDevice" });
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toEqual([expect.objectContaining({ isResidentCredential: true, rpId: "localhost" })]);
  await expectAccessible(page);

  // Rename inline; an empty name is refused with the field's own message.
  await list.getByRole("button", { name: "Rename Work laptop" }).click();
  const newName = page.getByLabel("New name for Work laptop");
  await expect(newName).toBeFocused();
  await newName.fill("   ");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(formAlerts(page)).toHaveText(["Enter a name for this passkey."]);
  await newName.fill("Desk laptop");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Renamed to Desk laptop." })).toBeVisible();
  await expect(list.getByRole("button", { name: "Rename Desk laptop" })).toBeFocused();
  expect((await dbPasskeys(request, email))[0]!.name).toBe("Desk laptop");

  // Signed out, the passkey alone signs in: no email, no password, no second step (it is multi-factor itself).
  await signOut(page);
  await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  const [used] = await dbPasskeys(request, email);
  expect(used!.counter).toBeGreaterThan(added!.counter);
  expect(used!.lastUsedAt).not.toBeNull();
  expect((await dbSessionLevels(request, email)).find((s) => !s.revokedAt)).toMatchObject({ aal: 2, upgradedFrom: null });
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain("stepwise_passkey");

  // A new session needs a new confirmation; the passkey can give it.
  await page.goto("/account/security/passkeys");
  await expect(page).toHaveURL(/\/account\/confirm\?action=passkeys/);
  await page.getByRole("radio", { name: /Passkey or security key/ }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Use passkey" }).click();
  await expect(page).toHaveURL(/\/account\/security\/passkeys$/);
  expect((await dbPasskeys(request, email))[0]!.counter).toBeGreaterThan(used!.counter);

  // After a password, the passkey is the second step too — offered first, since it was used last.
  const counterBefore = (await dbPasskeys(request, email))[0]!.counter;
  await signOut(page);
  await submitSignIn(page, email, strongPassword);
  await expect(page).toHaveURL(/\/verify/, afterPasswordSubmit);
  await expect(page.getByRole("radio", { name: /Passkey or security key/ })).toBeChecked();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Use passkey" }).click();
  await expect(page).toHaveURL(/\/account$/, afterPasswordSubmit);
  expect((await dbPasskeys(request, email))[0]!.counter).toBeGreaterThan(counterBefore);
  expect((await dbSessionLevels(request, email)).find((s) => !s.revokedAt)).toMatchObject({ aal: 2, upgradedFrom: expect.any(String) });
  await page.goto("/account/security/passkeys");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Use passkey" }).click();
  await expect(page).toHaveURL(/\/account\/security\/passkeys$/);

  // Removing asks once more, in place.
  await list.getByRole("button", { name: "Remove Desk laptop" }).click();
  const confirm = page.getByRole("group", { name: "Remove Desk laptop?" });
  await expect(confirm.getByRole("heading")).toBeFocused();
  await confirm.getByRole("button", { name: "Remove passkey" }).click();
  await expect(page.getByText("You have no passkeys yet.")).toBeVisible();
  expect(await dbPasskeys(request, email)).toEqual([]);
});

test("a passkey this site doesn't know gets one plain message on the sign-in page, and no session", async ({ page }) => {
  const { cdp, authenticatorId } = await virtualAuthenticator(page);
  // A discoverable credential for this site that no account registered.
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  await cdp.send("WebAuthn.addCredential", {
    authenticatorId,
    credential: {
      credentialId: randomBytes(16).toString("base64"),
      isResidentCredential: true,
      rpId: "localhost",
      privateKey: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
      userHandle: randomBytes(16).toString("base64"),
      signCount: 0,
    },
  });
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "We couldn't sign you in with that passkey." })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expectAccessible(page);
  expect((await page.context().cookies()).map((c) => c.name).filter((n) => n.includes("session-token"))).toEqual([]);
});
