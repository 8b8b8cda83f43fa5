// The enable wizard, in order. enrollments.step holds the next step to do, so the wizard resumes there.
export const enrollmentSteps = ["explain", "phone", "devices", "key", "review"] as const;
export type EnrollmentStep = (typeof enrollmentSteps)[number];

export const isEnrollmentStep = (v: unknown): v is EnrollmentStep => enrollmentSteps.includes(v as EnrollmentStep);

export const stepIndex = (step: EnrollmentStep) => enrollmentSteps.indexOf(step);

/** The stored step, or "explain" for an unknown value (a row written by an older version). */
export const currentStep = (stored: string | null | undefined): EnrollmentStep => (isEnrollmentStep(stored) ? stored : "explain");

/** A step page may be shown once the wizard has reached it; later steps send the user back to where they are. */
export const canOpenStep = (step: EnrollmentStep, reached: EnrollmentStep) => stepIndex(step) <= stepIndex(reached);

export const stepPath = (step: EnrollmentStep) => `/account/security/enable/${step}`;
