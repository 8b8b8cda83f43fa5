/**
 * A status pill ("This device", "On", a wave's phase): one line however narrow the screen ("This / device" on a
 * phone read badly), its colours and spacing from `tone`.
 */
export const pillClass = (tone: string, padding = "px-2 py-0.5") => `inline-block whitespace-nowrap rounded-full ${padding} text-xs font-semibold ${tone}`;

/** The green "This device" / "This browser" beside a list entry. */
export const currentPillClass = pillClass("ml-2 bg-emerald-100 text-emerald-800");
