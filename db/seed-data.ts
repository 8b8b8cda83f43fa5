/** The launch history from the seed story, as data. Wave 3 is planned here and launched from the console. */
export const seedWaves = [
  {
    name: "Wave 1",
    status: "complete" as const,
    startsAt: new Date("2013-03-21T17:00:00Z"),
    countries: ["US", "GB", "AU", "IE", "NZ"],
  },
  {
    name: "Wave 2",
    status: "complete" as const,
    startsAt: new Date("2013-05-21T17:00:00Z"),
    countries: ["AT", "AR", "BE", "BR", "MX", "NL", "PK", "PL", "RU"],
  },
  {
    name: "Wave 3",
    status: "draft" as const,
    startsAt: null,
    startOnApproval: true,
    countries: ["CA", "FR", "DE", "JP", "IT", "ES"],
  },
];

/** Countries whose local carriers deliver our SMS codes; elsewhere codes go to trusted devices only. */
export const smsCountries = new Set([
  ...["US", "GB", "AU", "IE", "NZ", "CA", "FR", "DE", "JP", "IT", "ES"],
  ...["AT", "AR", "BE", "BR", "MX", "NL", "PL"],
  ...["CH", "SE", "NO", "DK", "FI", "PT", "LU", "SG", "HK", "KR", "IN", "ZA", "CL", "CO", "CZ", "GR", "IL", "TR"],
]);

export const demoPassword = "stepwise-demo-2013";

export const demoAccounts = [
  { email: "ana@example.com", name: "Ana Ramirez", countryCode: "US", role: "user" as const },
  { email: "chloe@example.fr", name: "Chloé Martin", countryCode: "FR", role: "user" as const },
  { email: "viewer@stepwise.test", name: "Vera Viewer", countryCode: "US", role: "viewer" as const },
  { email: "operator@stepwise.test", name: "Omar Operator", countryCode: "GB", role: "operator" as const },
  { email: "admin@stepwise.test", name: "Ada Admin", countryCode: "IE", role: "admin" as const },
  { email: "approver@stepwise.test", name: "Alan Approver", countryCode: "US", role: "admin" as const },
];

/**
 * Staff need 2SV to enter the console: the demo staff have it on, with a trusted phone whose codes land in the
 * dev inbox (/dev/inbox) on the embedded database.
 */
export const demoStaffPhones: Record<string, { e164: string; countryCode: string }> = {
  "viewer@stepwise.test": { e164: "+12025550190", countryCode: "US" },
  "operator@stepwise.test": { e164: "+12025550191", countryCode: "US" },
  "admin@stepwise.test": { e164: "+12025550192", countryCode: "US" },
  "approver@stepwise.test": { e164: "+12025550193", countryCode: "US" },
};
