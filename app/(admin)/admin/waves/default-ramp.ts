/**
 * The ramp a new plan starts from: 10 % at launch, 50 % after a day, everyone after three days. Its own module, so
 * the wave form (a client component) does not bring wave-form-data's validation library into the browser.
 */
export const defaultRamp = [
  { percent: "10", afterHours: "0" },
  { percent: "50", afterHours: "24" },
  { percent: "100", afterHours: "72" },
];
