import { expect, test, type Page } from "@playwright/test";
import { newContext, strongPassword, submitSignIn } from "../helpers";
import { dbChallenges, dbTrustedDevices, devicePrompt, firefoxOnLinux, readPromptCode, signInWithPushedCode, trustedBrowserA } from "./helpers";

const trustedList = (page: Page) => page.getByRole("list", { name: "Trusted devices" }).getByRole("listitem");

// Two browsers, two argon2id sign-ins each: slower than a one-page test on a busy 2-core machine.
test.describe.configure({ timeout: 120_000 });

test.describe("trusted devices on the account overview", () => {
  test("'Trust this browser' at the second step lists B as trusted and remembered for 30 days", async ({ browser, request }) => {
    const a = await trustedBrowserA(browser, "Theo Trust");
    await expect(trustedList(a.page)).toHaveCount(1);
    await expect(trustedList(a.page).first()).toContainText("This browser");
    await expect(trustedList(a.page).first()).not.toContainText("Skips the code");

    const b = await signInWithPushedCode(browser, a.email);
    const prompt = devicePrompt(a.page, "Sign-in requested");
    await expect(prompt).toBeVisible();
    await b.page.getByLabel("Verification code").fill(await readPromptCode(prompt));
    await b.page.getByRole("checkbox", { name: /Trust this browser/ }).check();
    await b.page.getByRole("button", { name: "Verify" }).click();
    await expect(b.page).toHaveURL(/\/account$/);

    const onB = trustedList(b.page);
    await expect(onB).toHaveCount(2);
    const bRow = onB.filter({ hasText: "This browser" });
    await expect(bRow).toContainText("Firefox 128 on Linux");
    await expect(bRow).toContainText(/Skips the code until /);
    await expect(onB.filter({ hasNotText: "This browser" })).not.toContainText("Skips the code");
    const bDevice = (await dbTrustedDevices(request, a.email)).find((d) => d.label === "Firefox 128 on Linux");
    expect(new Date(bDevice!.rememberUntil!).getTime() - Date.now()).toBeGreaterThan(29 * 24 * 3600_000);
    await Promise.all([a.context.close(), b.context.close()]);
  });

  test("removing a trusted browser needs a fresh code from another device, then it gets no more codes", async ({ browser, request }) => {
    const a = await trustedBrowserA(browser, "Rhea Remove");
    // B: the same account signed in and trusted too (TEST-ONLY seed hook; no code sent, so no resend cooldown).
    const bContext = await newContext(browser, { userAgent: firefoxOnLinux });
    const b = await bContext.newPage();
    await submitSignIn(b, a.email, strongPassword);
    await expect(b).toHaveURL(/\/verify/);
    expect((await b.request.post("/api/test/enable-two-step", { params: { q: a.email } })).status()).toBe(200);
    await b.goto("/account");
    await expect(trustedList(b)).toHaveCount(2);
    const aLabel = (await dbTrustedDevices(request, a.email)).find((d) => d.label !== "Firefox 128 on Linux")!.label;

    await trustedList(b).filter({ hasNotText: "This browser" }).getByRole("link", { name: `Remove ${aLabel}` }).click();
    await expect(b).toHaveURL(/\/account\/confirm\?action=devices/);
    await b.getByRole("radio", { name: /Your trusted devices/ }).check();
    await b.getByRole("button", { name: "Send code" }).click();
    await expect(b.getByText("We pushed a 6-digit code to your trusted devices.")).toBeVisible();
    // The code shows on A, never on B, the browser that asked.
    const stepUpPrompt = devicePrompt(a.page, "Confirmation requested");
    await expect(stepUpPrompt).toBeVisible();
    expect(((await (await b.request.get("/api/device-prompts")).json()) as { prompts: unknown[] }).prompts).toEqual([]);
    await b.getByLabel("Verification code").fill(await readPromptCode(stepUpPrompt));
    await b.getByRole("button", { name: "Confirm", exact: true }).click();

    // Back on the overview, one last explicit "yes".
    await expect(b).toHaveURL(/\/account\?removeDevice=/);
    const confirm = b.getByRole("group", { name: `Stop trusting ${aLabel}?` });
    await expect(confirm).toBeVisible();
    await expect(confirm.getByRole("heading")).toBeFocused();
    await confirm.getByRole("button", { name: "Remove device" }).click();
    await expect(b.getByRole("status").filter({ hasText: "That browser is no longer trusted." })).toBeVisible();
    await expect(trustedList(b)).toHaveCount(1);
    await expect(trustedList(b).first()).toContainText("This browser");

    const devices = await dbTrustedDevices(request, a.email);
    expect(devices.find((d) => d.label === aLabel)?.revokedAt).not.toBeNull();
    expect(devices.find((d) => d.label === "Firefox 128 on Linux")?.revokedAt).toBeNull();
    expect((await dbChallenges(request, a.email))[0]).toMatchObject({ purpose: "step_up", method: "device", hasSealedCode: false });
    expect((await dbChallenges(request, a.email))[0]!.consumedAt).not.toBeNull();
    // A no longer receives codes.
    expect((await a.context.request.get("/api/device-prompts")).status()).toBe(404);
    await Promise.all([a.context.close(), bContext.close()]);
  });

  test("the Remove link without a fresh code goes to the confirmation first, and nothing is removed", async ({ browser, request }) => {
    const a = await trustedBrowserA(browser, "Uma Unconfirmed");
    const [device] = await dbTrustedDevices(request, a.email);
    await trustedList(a.page).first().getByRole("link", { name: `Remove ${device!.label}` }).click();
    await expect(a.page).toHaveURL(/\/account\/confirm\?/);
    const url = new URL(a.page.url());
    expect(url.searchParams.get("action")).toBe("devices");
    expect(url.searchParams.get("next")).toBe(`/account?removeDevice=${device!.id}#trusted-devices`);
    expect((await dbTrustedDevices(request, a.email))[0]!.revokedAt).toBeNull();
    await a.context.close();
  });
});
